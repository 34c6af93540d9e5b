#pragma once
// Opens a URL in the user's browser when one is available, as Python's webbrowser module does.

#include <string>

namespace aurora::cli {

// Tries each command of $BROWSER (':'-separated; "%s" is replaced by the URL, else the URL is
// appended), then xdg-open when a display is available. Never blocks and never fails the
// command; returns whether a browser was started.
bool open_in_browser(const std::string& url);

}  // namespace aurora::cli

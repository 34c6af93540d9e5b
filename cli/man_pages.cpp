#include "cli/man_pages.hpp"

#include "cli/help.hpp"

#include <cstdio>

namespace aurora::cli {
namespace {

// Escapes text for roff: backslashes, dashes in words, and control characters at line starts.
std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      // groff reads ASCII: a UTF-8 sequence becomes \[uXXXX].
      const int extra = byte >= 0xf0 ? 3 : byte >= 0xe0 ? 2 : 1;
      unsigned code = byte & (0x3f >> extra);
      for (int k = 0; k < extra && i + 1 < text.size(); ++k) code = (code << 6) | (text[++i] & 0x3f);
      char escape[16];
      std::snprintf(escape, sizeof escape, "\\[u%04X]", code);
      out += escape;
      line_start = false;
      continue;
    }
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

std::string header(const std::string& name, int section, const std::string& version) {
  std::string upper;
  for (char c : name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return ".TH " + upper + " " + std::to_string(section) + " \"\" \"aurora " + version +
         "\" \"Aurora client\"\n.ad l\n";
}

std::string option_heading(const ArgSpec& arg) {
  std::string text;
  if (!arg.short_name.empty()) text += "\\fB" + roff(arg.short_name) + "\\fR, ";
  text += "\\fB" + roff(arg.name) + "\\fR";
  if (arg.takes_value) {
    if (!arg.choices.empty()) {
      text += " {";
      for (size_t i = 0; i < arg.choices.size(); ++i) text += (i ? ",\\:" : "") + roff(arg.choices[i]);
      text += "}";
    } else {
      // \: lets a long list of values break after its commas.
      std::string metavar = roff(arg.metavar.empty() ? "VALUE" : arg.metavar);
      for (size_t at = metavar.find(','); at != std::string::npos; at = metavar.find(',', at + 3)) {
        metavar.insert(at + 1, "\\:");
      }
      text += " \\fI" + metavar + "\\fR";
    }
  }
  return text;
}

std::string verb_page(const VerbSpec& verb, const std::string& version) {
  const std::string page = "aurora-" + verb.noun + "-" + verb.name;
  std::string out = header(page, 1, version);
  out += ".SH NAME\n" + roff(page) + " \\- " + roff(verb.summary) + "\n";
  out += ".SH SYNOPSIS\n.nf\n" + roff(verb_usage(verb).substr(7)) + ".fi\n";
  out += ".SH DESCRIPTION\n" + roff(verb.description.empty() ? verb.summary : verb.description) +
         "\n";
  bool any_positional = false;
  for (const auto& arg : verb.args) any_positional |= arg.positional;
  if (any_positional) {
    out += ".SH ARGUMENTS\n";
    for (const auto& arg : verb.args) {
      if (!arg.positional) continue;
      out += ".TP\n\\fI" + roff(arg.metavar.empty() ? arg.name : arg.metavar) + "\\fR\n" +
             roff(arg.help) + "\n";
    }
  }
  out += ".SH OPTIONS\n";
  std::vector<ArgSpec> options = common_verb_options(verb);
  options.insert(options.end(), verb.args.begin(), verb.args.end());
  for (const auto& arg : options) {
    if (arg.positional) continue;
    std::string help = arg.help;
    if (!arg.default_text.empty() && arg.takes_value) help += " (default: " + arg.default_text + ")";
    out += ".TP\n" + option_heading(arg) + "\n" + roff(help) + "\n";
  }
  out += ".SH EXIT STATUS\nSee \\fBaurora\\fR(1).\n";
  out += ".SH SEE ALSO\n\\fBaurora\\fR(1), \\fBaurora-clusters.json\\fR(5), \\fBaurora-hooks\\fR(7)\n";
  return out;
}

std::string overview_page(const CommandTree& tree, const std::string& version) {
  std::string out = header("aurora", 1, version);
  out += ".SH NAME\naurora \\- drive Apache Aurora clusters from the command line\n";
  out += ".SH SYNOPSIS\n.B aurora\n.I noun verb\n[\\fIoptions\\fR] [\\fIarguments\\fR]\n.br\n"
         ".B aurora help\n[\\fInoun\\fR [\\fIverb\\fR]]\n.br\n"
         ".B aurora completion\n{bash,zsh,fish}\n.br\n.B aurora \\-\\-version\n";
  out += ".SH DESCRIPTION\n"
         "A native client for Apache Aurora, compatible with the upstream Python client: the same "
         "nouns, verbs, options, job keys, output lines and exit codes. Job keys are written "
         "\\fICLUSTER/ROLE/ENV/NAME\\fR; instance specs add \\fI/0\\-2,5\\fR. Any unique prefix of "
         "a long option is accepted, and \\fB\\-v\\fR (\\fB\\-\\-verbose\\fR) may appear anywhere "
         "on the command line. Data goes to standard output; logging (\\fBLEVEL] message\\fR) to "
         "standard error.\n";
  out += ".SH COMMANDS\n";
  for (const auto* noun : tree.nouns()) {
    for (const auto& verb : noun->verbs) {
      out += ".TP\n\\fBaurora " + roff(noun->name) + " " + roff(verb.name) + "\\fR\n" +
             roff(verb.summary) + " See \\fBaurora\\-" + roff(noun->name) + "\\-" +
             roff(verb.name) + "\\fR(1).\n";
    }
  }
  out += ".SH EXIT STATUS\n";
  const std::pair<const char*, const char*> codes[] = {
      {"0", "success"},
      {"1", "a fatal error, logged with FATAL as upstream's die() (job open CLUSTER//ENV)"},
      {"2", "command-line syntax error"},
      {"3", "invalid configuration: clusters.json, a configuration file, an unknown cluster"},
      {"4", "the command ran and failed"},
      {"5", "invalid command (reserved)"},
      {"6", "invalid parameter, such as an instance that is not active"},
      {"7", "network error on a call that is not retried"},
      {"9", "timeout"},
      {"10", "the scheduler answered with an error"},
      {"20", "unknown error"},
      {"30", "authentication failed"},
      {"130", "interrupted (SIGINT, Ctrl-C)"},
      {"143", "terminated (SIGTERM)"}};
  for (const auto& [code, meaning] : codes) out += ".TP\n.B " + std::string(code) + "\n" + roff(meaning) + "\n";
  out += ".SH ENVIRONMENT\n";
  const std::pair<const char*, const char*> variables[] = {
      {"AURORA_CONFIG_ROOT", "directory of the system clusters.json (default /etc/aurora)"},
      {"HOME", "~/.aurora/clusters.json and ~/.netrc"},
      {"XDG_CONFIG_HOME", "a further clusters.json in $XDG_CONFIG_HOME/aurora"},
      {"XDG_CACHE_HOME", "where completion caches job names (default ~/.cache)"},
      {"AURORA_TOKEN", "a bearer token sent to the scheduler"},
      {"BROWSER", "the browser that --open-browser and job open start"},
      {"TZ", "the time zone of times in job status"},
      {"LOGNAME, USER", "the job owner recorded by the scheduler"}};
  for (const auto& [name, use] : variables) out += ".TP\n.B " + roff(name) + "\n" + roff(use) + "\n";
  out += ".SH FILES\n.TP\n.I /etc/aurora/clusters.json, ~/.aurora/clusters.json, "
         "~/.config/aurora/clusters.json\nclusters, read in this order; see "
         "\\fBaurora\\-clusters.json\\fR(5).\n";
  out += ".SH SEE ALSO\n\\fBaurora\\-clusters.json\\fR(5), \\fBaurora\\-config\\fR(5), "
         "\\fBaurora\\-devcluster\\fR(1), \\fBaurora\\-hooks\\fR(7)\n";
  return out;
}

}  // namespace

std::map<std::string, std::string> render_man_pages(const CommandTree& tree,
                                                    const std::string& version) {
  std::map<std::string, std::string> pages;
  pages["aurora.1"] = overview_page(tree, version);
  for (const auto* noun : tree.nouns()) {
    for (const auto& verb : noun->verbs) {
      pages["aurora-" + noun->name + "-" + verb.name + ".1"] = verb_page(verb, version);
    }
  }
  return pages;
}

}  // namespace aurora::cli

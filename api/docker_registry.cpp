// Docker Registry HTTP API v2, just enough to turn a tag into a manifest digest (spec
// config-language 3.6): a version probe, a manifest HEAD, and anonymous Bearer tokens.
#include "api/docker_registry.hpp"

#include <curl/curl.h>

#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <vector>

#include "api/http_text.hpp"
#include "errors/error.hpp"
#include "errors/interrupt.hpp"

namespace aurora::api {
namespace {

constexpr const char* kManifestV2 = "application/vnd.docker.distribution.manifest.v2+json";

// Why one request failed; resolve_docker_image() adds the image and the registry.
struct Failure {
  ErrorKind kind;
  std::string cause;
};

struct Reply {
  long status = 0;
  std::string reason;
  std::map<std::string, std::string> headers;  // names lower-cased; the last answer's only
  std::string body;

  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
  std::string status_text() const {
    return "HTTP " + std::to_string(status) + (reason.empty() ? "" : " " + reason);
  }
};

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}


size_t collect_body(char* data, size_t size, size_t count, void* target) {
  static_cast<Reply*>(target)->body.append(data, size * count);
  return size * count;
}

// A status line starts a new answer (after a redirect); header lines fill the map.
size_t collect_header(char* data, size_t size, size_t count, void* target) {
  auto& reply = *static_cast<Reply*>(target);
  std::string_view line(data, size * count);
  if (line.substr(0, 5) == "HTTP/") {
    reply.headers.clear();
    auto code = line.find(' ');
    auto reason = code == std::string_view::npos ? code : line.find(' ', code + 1);
    reply.reason = reason == std::string_view::npos ? "" : trim_whitespace(line.substr(reason + 1));
  } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
    reply.headers[lower(trim_whitespace(line.substr(0, colon)))] = trim_whitespace(line.substr(colon + 1));
  }
  return size * count;
}


struct CurlDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct HeaderListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// HEAD does not follow redirects and GET does, as the requests library upstream used.
Reply send(const char* method, const std::string& url, const std::vector<std::string>& headers,
           const DockerRegistryOptions& options) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  std::unique_ptr<CURL, CurlDeleter> handle(curl_easy_init());
  if (!handle) throw Failure{ErrorKind::Unknown, "libcurl could not create a handle"};
  CURL* curl = handle.get();
  std::unique_ptr<curl_slist, HeaderListDeleter> list;
  for (const auto& h : headers) {
    curl_slist* extended = curl_slist_append(list.get(), h.c_str());
    if (extended == nullptr) throw Failure{ErrorKind::Unknown, "libcurl could not add a header"};
    list.release();
    list.reset(extended);
  }
  const bool head = std::string_view(method) == "HEAD";
  Reply reply;
  char error_text[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list.get());
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "Aurora V2");
  if (head)
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  else
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, head ? 0L : 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 30L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (options.ca_file) curl_easy_setopt(curl, CURLOPT_CAINFO, options.ca_file->c_str());
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(options.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.request_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, abort_when_interrupted);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collect_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reply);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
  CURLcode code = curl_easy_perform(curl);
  if (code == CURLE_ABORTED_BY_CALLBACK && interrupt::requested())
    throw Error(ErrorKind::Interrupted, "Interrupted while asking the Docker registry");
  if (code != CURLE_OK) {
    std::string detail = error_text[0] ? error_text : curl_easy_strerror(code);
    if (code == CURLE_OPERATION_TIMEDOUT) detail = "no answer in time (" + detail + ")";
    if (options.trace) options.trace(std::string(method) + " " + url + " failed: " + detail);
    throw Failure{ErrorKind::Network, std::string(method) + " " + url + ": " + detail};
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
  if (options.trace) options.trace(std::string(method) + " " + url + " -> " + reply.status_text());
  return reply;
}

std::string percent_encoded(const std::string& s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// `Bearer realm="https://auth.example/token",service="registry",scope="repository:x:pull"`
struct Challenge {
  std::string scheme;
  std::vector<std::pair<std::string, std::string>> params;
};

Challenge parse_challenge(const std::string& header) {
  Challenge c;
  auto space = header.find(' ');
  c.scheme = header.substr(0, space);
  std::string_view rest =
      space == std::string::npos ? std::string_view() : std::string_view(header).substr(space + 1);
  while (!rest.empty()) {
    auto eq = rest.find('=');
    if (eq == std::string_view::npos) break;
    std::string key = trim_whitespace(rest.substr(0, eq));
    rest.remove_prefix(eq + 1);
    std::string value;
    if (!rest.empty() && rest.front() == '"') {
      auto close = rest.find('"', 1);
      value = std::string(
          rest.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
      rest.remove_prefix(close == std::string_view::npos ? rest.size() : close + 1);
    } else {
      auto comma = rest.find(',');
      value = trim_whitespace(rest.substr(0, comma));
      rest.remove_prefix(comma == std::string_view::npos ? rest.size() : comma);
    }
    while (!rest.empty() && (rest.front() == ',' || rest.front() == ' ')) rest.remove_prefix(1);
    c.params.emplace_back(lower(key), value);
  }
  return c;
}

// The Authorization header that answers a 401: an anonymous token from the Bearer realm.
std::string solve_challenge(const Reply& refused, const DockerRegistryOptions& options) {
  std::string header = refused.header("www-authenticate");
  if (header.empty())
    throw Failure{ErrorKind::InvalidConfiguration, "HTTP 401 without a Www-Authenticate challenge"};
  Challenge challenge = parse_challenge(header);
  if (lower(challenge.scheme) == "basic")
    throw Failure{ErrorKind::InvalidConfiguration,
                  "Basic authorization is not supported: " + header};
  if (lower(challenge.scheme) != "bearer")
    throw Failure{ErrorKind::InvalidConfiguration, "unknown authentication challenge: " + header};
  std::string realm, query;
  for (const auto& [key, value] : challenge.params) {
    if (key == "realm")
      realm = value;
    else if (key != "error")
      query += (query.empty() ? "" : "&") + percent_encoded(key) + "=" + percent_encoded(value);
  }
  if (realm.empty())
    throw Failure{ErrorKind::InvalidConfiguration,
                  "the Bearer challenge names no realm: " + header};
  std::string url =
      realm + (query.empty() ? "" : (realm.find('?') == std::string::npos ? "?" : "&") + query);
  Reply reply = send("GET", url, {}, options);
  if (reply.status != 200)
    throw Failure{ErrorKind::InvalidConfiguration,
                  "the token service " + realm + " answered " + reply.status_text()};
  auto doc = nlohmann::json::parse(reply.body, nullptr, false);
  for (const char* field : {"token", "access_token"})
    if (doc.is_object() && doc.contains(field) && doc[field].is_string())
      return "Authorization: Bearer " + doc[field].get<std::string>();
  throw Failure{ErrorKind::InvalidConfiguration,
                "the token service " + realm + " answered without a token"};
}

// "host[:port]" of the registry URL, as Python's urlparse(...).netloc.
std::string netloc(const std::string& registry) {
  auto start = registry.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  auto end = registry.find('/', start);
  std::string host =
      registry.substr(start, end == std::string::npos ? std::string::npos : end - start);
  auto at = host.rfind('@');
  return at == std::string::npos ? host : host.substr(at + 1);
}

std::string pin(const std::string& registry, const std::string& name, const std::string& tag,
                const DockerRegistryOptions& options) {
  if (registry.rfind("http://", 0) != 0 && registry.rfind("https://", 0) != 0)
    throw Failure{ErrorKind::InvalidConfiguration,
                  "docker_registry must be an http:// or https:// URL"};
  std::string base = registry;
  while (!base.empty() && base.back() == '/') base.pop_back();

  Reply probe = send("HEAD", base + "/v2/", {}, options);
  if (probe.status == 401)
    probe = send("HEAD", base + "/v2/", {solve_challenge(probe, options)}, options);
  if (probe.status != 200)
    throw Failure{ErrorKind::InvalidConfiguration,
                  "it does not answer as a Docker Registry v2 (HEAD " + base +
                      "/v2/: " + probe.status_text() + ")"};

  const std::string url = base + "/v2/" + name + "/manifests/" + tag;
  std::vector<std::string> headers = {std::string("Accept: ") + kManifestV2};
  Reply manifest = send("HEAD", url, headers, options);
  if (manifest.status == 401) {
    headers.push_back(solve_challenge(manifest, options));
    manifest = send("HEAD", url, headers, options);
    if (manifest.status == 401)
      throw Failure{ErrorKind::InvalidConfiguration,
                    "the repository is private (HTTP 401 with an anonymous token)"};
  }
  if (manifest.status == 404)
    throw Failure{ErrorKind::InvalidConfiguration,
                  "no such image or tag (HEAD " + url + ": HTTP 404)"};
  if (manifest.status != 200)
    throw Failure{ErrorKind::InvalidConfiguration, "HEAD " + url + ": " + manifest.status_text()};
  std::string digest = manifest.header("docker-content-digest");
  if (digest.empty())
    throw Failure{ErrorKind::InvalidConfiguration,
                  "HEAD " + url + " answered without a Docker-Content-Digest header"};
  std::string pinned = name + "@" + digest;
  return base == kDefaultDockerRegistry ? pinned : netloc(base) + "/" + pinned;
}

}  // namespace

std::string resolve_docker_image(const std::string& registry, const std::string& name,
                                 const std::string& tag, const DockerRegistryOptions& options) {
  try {
    return pin(registry, name, tag, options);
  } catch (const Failure& f) {
    throw Error(f.kind, "Cannot resolve Docker image " + name + ":" + tag + " with the registry " +
                            registry + ": " + f.cause);
  }
}

}  // namespace aurora::api

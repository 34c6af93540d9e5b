// The libcurl entry points this client uses, loaded with dlopen on the first call.
//
// Linking libcurl directly makes every start of the binary map libcurl and the ~35 libraries it
// depends on (TLS, Kerberos, LDAP, IDN, ...), which costs more than the rest of a `--help` run.
// Verbs that never talk to a scheduler (help, completion, job inspect of an offline config) should
// not pay for that, so these definitions stand in for libcurl's and forward to the real ones.

#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
#include <dlfcn.h>

#include <cstdarg>
#include <mutex>
#include <string>

#include "errors/error.hpp"

namespace {

constexpr const char* kLibraryName = "libcurl.so.4";

void* curl_library() {
  static void* handle = nullptr;
  static std::string failure;
  static std::once_flag once;
  std::call_once(once, [] {
    handle = dlopen(kLibraryName, RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* reason = dlerror();
      failure = reason != nullptr ? reason : kLibraryName;
    }
  });
  if (handle == nullptr) {
    throw aurora::Error(aurora::ErrorKind::Network,
                        "cannot load " + std::string(kLibraryName) + " (" + failure +
                            "); install the libcurl4 package");
  }
  return handle;
}

// Resolves one libcurl symbol once; F is the function's type.
template <typename F>
F* resolve(const char* name) {
  void* symbol = dlsym(curl_library(), name);
  if (symbol == nullptr) {
    throw aurora::Error(aurora::ErrorKind::Network,
                        std::string(kLibraryName) + " has no symbol " + name);
  }
  return reinterpret_cast<F*>(symbol);
}

#define AURORA_CURL_REAL(name)                                  \
  static auto* const real = resolve<decltype(::name)>(#name);   \
  (void)0

}  // namespace

extern "C" {

CURLcode curl_global_init(long flags) {
  AURORA_CURL_REAL(curl_global_init);
  return real(flags);
}

CURL* curl_easy_init() {
  AURORA_CURL_REAL(curl_easy_init);
  return real();
}

void curl_easy_cleanup(CURL* handle) {
  AURORA_CURL_REAL(curl_easy_cleanup);
  real(handle);
}

CURLcode curl_easy_perform(CURL* handle) {
  AURORA_CURL_REAL(curl_easy_perform);
  return real(handle);
}

// curl.h fixes these signatures, so va_start must take an enum parameter. Enums with an int
// underlying type are passed unchanged on every ABI we build for; clang warns regardless.
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wvarargs"
#endif

// The one variadic argument's type follows from the option's number range, as in curl.h.
CURLcode curl_easy_setopt(CURL* handle, CURLoption option, ...) {
  AURORA_CURL_REAL(curl_easy_setopt);
  va_list args;
  va_start(args, option);
  CURLcode result;
  if (option < CURLOPTTYPE_OBJECTPOINT) {
    result = real(handle, option, va_arg(args, long));
  } else if (option >= CURLOPTTYPE_OFF_T && option < CURLOPTTYPE_BLOB) {
    result = real(handle, option, va_arg(args, curl_off_t));
  } else {
    result = real(handle, option, va_arg(args, void*));
  }
  va_end(args);
  return result;
}

// Every CURLINFO takes a pointer to the result.
CURLcode curl_easy_getinfo(CURL* handle, CURLINFO info, ...) {
  AURORA_CURL_REAL(curl_easy_getinfo);
  va_list args;
  va_start(args, info);
  void* destination = va_arg(args, void*);
  va_end(args);
  return real(handle, info, destination);
}

const char* curl_easy_strerror(CURLcode code) {
  AURORA_CURL_REAL(curl_easy_strerror);
  return real(code);
}

curl_slist* curl_slist_append(curl_slist* list, const char* text) {
  AURORA_CURL_REAL(curl_slist_append);
  return real(list, text);
}

void curl_slist_free_all(curl_slist* list) {
  AURORA_CURL_REAL(curl_slist_free_all);
  real(list);
}

void curl_free(void* pointer) {
  AURORA_CURL_REAL(curl_free);
  real(pointer);
}

curl_version_info_data* curl_version_info(CURLversion version) {
  AURORA_CURL_REAL(curl_version_info);
  return real(version);
}

CURLU* curl_url() {
  AURORA_CURL_REAL(curl_url);
  return real();
}

void curl_url_cleanup(CURLU* url) {
  AURORA_CURL_REAL(curl_url_cleanup);
  real(url);
}

CURLUcode curl_url_set(CURLU* url, CURLUPart part, const char* content, unsigned int flags) {
  AURORA_CURL_REAL(curl_url_set);
  return real(url, part, content, flags);
}

CURLUcode curl_url_get(CURLU* url, CURLUPart part, char** content, unsigned int flags) {
  AURORA_CURL_REAL(curl_url_get);
  return real(url, part, content, flags);
}

}  // extern "C"

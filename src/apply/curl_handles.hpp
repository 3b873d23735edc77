#pragma once
// RAII owners: libcurl's handles, and the output streams a command line names.

#include <curl/curl.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <utility>

namespace dbcurl {

struct EasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;

struct MultiDeleter {
  void operator()(CURLM* handle) const { curl_multi_cleanup(handle); }
};
using MultiHandle = std::unique_ptr<CURLM, MultiDeleter>;

struct ShareDeleter {
  void operator()(CURLSH* handle) const { curl_share_cleanup(handle); }
};
using ShareHandle = std::unique_ptr<CURLSH, ShareDeleter>;

struct MimeDeleter {
  void operator()(curl_mime* mime) const { curl_mime_free(mime); }
};
using MimeHandle = std::unique_ptr<curl_mime, MimeDeleter>;

struct UrlDeleter {
  void operator()(CURLU* handle) const { curl_url_cleanup(handle); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using OwnedFile = std::unique_ptr<std::FILE, FileCloser>;

// A header list whose strings are wiped before they are freed: headers can
// carry credentials.
class HeaderList {
 public:
  HeaderList() = default;
  HeaderList(const HeaderList&) = delete;
  HeaderList& operator=(const HeaderList&) = delete;
  ~HeaderList() {
    for (curl_slist* item = list_; item != nullptr; item = item->next)
      explicit_bzero(item->data, std::strlen(item->data));
    curl_slist_free_all(list_);
  }
  bool append(const std::string& header) {
    curl_slist* grown = curl_slist_append(list_, header.c_str());
    if (grown == nullptr) return false;
    list_ = grown;
    return true;
  }
  curl_slist* get() const { return list_; }

 private:
  curl_slist* list_ = nullptr;
};

// An output stream: a file this object opened (closed with it), or a standard
// stream it only borrows (flushed, never closed).
class OutputStream {
 public:
  OutputStream() = default;
  static OutputStream borrowed(std::FILE* stream) { return OutputStream(stream, false); }
  static OutputStream owned(std::FILE* file) { return OutputStream(file, file != nullptr); }
  // A name from the command line: "-" is stdout; "%" is percent_stream where
  // curl gives "%" that meaning (-v/--trace), else a file; anything else is a
  // file opened with mode. get() is null (errno says why) when it cannot be.
  static OutputStream named(const std::string& name, const char* mode, std::FILE* percent_stream = nullptr) {
    if (name == "-") return borrowed(stdout);
    if (name == "%" && percent_stream != nullptr) return borrowed(percent_stream);
    return owned(std::fopen(name.c_str(), mode));
  }

  OutputStream(const OutputStream&) = delete;
  OutputStream& operator=(const OutputStream&) = delete;
  OutputStream(OutputStream&& other) noexcept
      : stream_(std::exchange(other.stream_, nullptr)), owns_(std::exchange(other.owns_, false)) {}
  OutputStream& operator=(OutputStream&& other) noexcept {
    if (this != &other) {
      close();
      stream_ = std::exchange(other.stream_, nullptr);
      owns_ = std::exchange(other.owns_, false);
    }
    return *this;
  }
  ~OutputStream() { close(); }

  std::FILE* get() const { return stream_; }
  explicit operator bool() const { return stream_ != nullptr; }
  // A file this object opened (not a standard stream).
  bool is_file() const { return owns_; }
  // Closes a file, flushes a standard stream; false when that failed.
  bool close() {
    if (stream_ == nullptr) return true;
    const int result = owns_ ? std::fclose(stream_) : std::fflush(stream_);
    stream_ = nullptr;
    owns_ = false;
    return result == 0;
  }

 private:
  OutputStream(std::FILE* stream, bool owns) : stream_(stream), owns_(owns) {}
  std::FILE* stream_ = nullptr;
  bool owns_ = false;
};

}  // namespace dbcurl

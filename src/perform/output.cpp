#include "perform/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "common/diagnostics.hpp"
#include "common/strings.hpp"

namespace dbcurl {

namespace {
constexpr std::size_t kBinaryCheckBytes = 2000;  // curl looks for NUL in this much
constexpr std::size_t kErrorBodyBytes = 64 * 1024;
// curl's -i writes headers of HTTP(S), RTSP and FILE transfers only, not FTP,
// IMAP, POP3 or SMTP server replies (which libcurl also passes as headers).
bool shows_headers(CURL* easy) {
  const char* scheme = nullptr;
  if (easy == nullptr || curl_easy_getinfo(easy, CURLINFO_SCHEME, &scheme) != CURLE_OK || scheme == nullptr)
    return true;
  return iequals(scheme, "http") || iequals(scheme, "https") || iequals(scheme, "rtsp") || iequals(scheme, "file");
}

// The URL as libcurl's URL API writes it, user and password removed (curl's --xattr).
std::optional<std::string> url_without_credentials(const std::string& url) {
  UrlHandle handle(curl_url());
  char* text = nullptr;
  if (!handle || curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK ||
      curl_url_set(handle.get(), CURLUPART_USER, nullptr, 0) != CURLUE_OK ||
      curl_url_set(handle.get(), CURLUPART_PASSWORD, nullptr, 0) != CURLUE_OK ||
      curl_url_get(handle.get(), CURLUPART_URL, &text, 0) != CURLUE_OK) {
    return std::nullopt;
  }
  std::string result(text);
  curl_free(text);
  return result;
}
}  // namespace

BodyOutput::BodyOutput(const Diagnostics& diagnostics, std::optional<std::string> path, bool include_headers)
    : diagnostics_(diagnostics), path_(std::move(path)), include_headers_(include_headers) {
  if (path_ && *path_ == "-") {
    path_.reset();
    binary_ok_ = true;
  }
  if (path_)
    filename_ = *path_;
  else
    terminal_ = ::isatty(STDOUT_FILENO) == 1;
}

BodyOutput::~BodyOutput() { finish(false); }

void BodyOutput::keep_error_body(CURL* easy, bool hold) {
  easy_ = easy;
  hold_errors_ = hold;
}

bool BodyOutput::error_status() const {
  if (easy_ == nullptr) return false;
  long status = 0;
  curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &status);
  return status >= kHttpErrorThreshold;
}

bool BodyOutput::ensure_open() {
  if (stream_) return true;
  if (open_failed_) return false;
  if (!path_) {
    stream_ = OutputStream::borrowed(stdout);
    return true;
  }
  if (!open_file()) {
    open_failed_ = true;
    diagnostics_.warning("Failed to open the file " + *path_ + ": " + std::strerror(errno));
    return false;
  }
  return true;
}

// curl's rules: overwrite unless --no-clobber, or unless the name came from the
// server (-J); with --no-clobber try NAME.1 ... NAME.99 instead.
bool BodyOutput::open_file() {
  using Clobber = TransferConfig::Clobber;
  if (options_.clobber == Clobber::kAlways || (options_.clobber == Clobber::kDefault && !header_named_)) {
    stream_ = OutputStream::owned(std::fopen(path_->c_str(), "wb"));
    return static_cast<bool>(stream_);
  }
  const auto create_new = [](const std::string& name) {
    int fd = -1;
    do {
      fd = ::open(name.c_str(), O_CREAT | O_WRONLY | O_EXCL | O_CLOEXEC, 0666);
    } while (fd < 0 && errno == EINTR);
    return fd;
  };
  int fd = create_new(*path_);
  if (fd < 0 && options_.clobber == Clobber::kNever) {
    // curl reports the last name it tried, whether or not it could create it.
    const std::string base = *path_;
    for (int number = 1; fd < 0 && (errno == EEXIST || errno == EISDIR) && number < 100; ++number) {
      filename_ = base + "." + std::to_string(number);
      fd = create_new(filename_);
    }
    if (fd >= 0) *path_ = filename_;
  }
  if (fd < 0) return false;
  stream_ = OutputStream::owned(::fdopen(fd, "wb"));
  if (!stream_) ::close(fd);
  return static_cast<bool>(stream_);
}

namespace {

// curl's words for a directory --create-dirs cannot make.
std::string directory_error(const std::string& name) {
  switch (errno) {
    case EACCES: return "You don't have permission to create " + name + ".";
    case ENAMETOOLONG: return "The directory name " + name + " is too long.";
    case EROFS: return name + " resides on a read-only file system.";
    case ENOSPC: return "No space left on the file system that will contain the directory " + name + ".";
    case EDQUOT: return "Cannot create directory " + name + " because you exceeded your quota.";
    default: return "Error creating directory " + name + ".";
  }
}

// --create-dirs: every directory above the file, made 0750 as curl makes them;
// one that exists, or that may not be created but can be passed, is fine.
bool create_directories_for(const std::string& file, const Diagnostics& diagnostics) {
  std::string built = file.starts_with('/') ? "/" : "";
  std::size_t start = 0;
  for (;;) {
    while (start < file.size() && file[start] == '/') ++start;
    const std::size_t slash = file.find('/', start);
    if (slash == std::string::npos) return true;  // what is left is the file's own name
    if (!built.empty() && built.back() != '/') built += '/';
    built += file.substr(start, slash - start);
    if (::mkdir(built.c_str(), 0750) != 0 && errno != EACCES && errno != EEXIST) {
      std::fprintf(diagnostics.stream(), "%s\n", directory_error(built).c_str());
      return false;
    }
    start = slash + 1;
  }
}

}  // namespace

void BodyOutput::dump_headers_to(std::string path, bool first_of_group) {
  dump_path_ = std::move(path);
  dump_first_ = first_of_group;
}

bool BodyOutput::prepare() {
  if (path_ && options_.create_dirs && !create_directories_for(*path_, diagnostics_)) return false;
  // Any offset, as curl's tool: -C ' -5' (which libcurl then refuses) appends too.
  if (path_ && options_.resume_from != 0) {
    stream_ = OutputStream::owned(std::fopen(path_->c_str(), "ab"));
    if (!stream_) {
      diagnostics_.error("Can't open '" + *path_ + "'!");
      return false;
    }
  }
  if (dump_path_) {
    // curl 7.88 gives "%" no meaning here: it is a file name.
    if (*dump_path_ != "-" && dump_first_) OutputStream::named(*dump_path_, "wb");
    dump_ = OutputStream::named(*dump_path_, "ab");
    if (!dump_) {
      diagnostics_.warning("Failed to open " + *dump_path_);
      return false;
    }
  }
  return true;
}

bool BodyOutput::save_etag_to(const std::string& path) {
  etag_ = OutputStream::named(path, "wb");
  if (!etag_) {
    diagnostics_.warning("Failed creating file for saving etags: \"" + path + "\". Skip this transfer");
  }
  return static_cast<bool>(etag_);
}

void BodyOutput::save_etag(std::string_view header) {
  if (!etag_ || header.size() < 5 || !istarts_with(header, "etag:") || !header.ends_with('\n')) {
    return;
  }
  std::string_view value = header.substr(5);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && is_ascii_space(value.back())) value.remove_suffix(1);
  if (value.empty()) return;
  std::fwrite(value.data(), 1, value.size(), etag_.get());
  std::fputc('\n', etag_.get());
  std::fflush(etag_.get());
}

std::optional<std::string> content_disposition_filename(std::string_view header) {
  std::string_view rest = header;
  for (;;) {
    while (!rest.empty() && rest.front() != '\0' && !is_ascii_alpha(rest.front())) {
      rest.remove_prefix(1);
    }
    if (rest.size() < 9) return std::nullopt;
    if (rest.starts_with("filename=")) break;
    const auto semicolon = rest.find(';');
    if (semicolon == std::string_view::npos) return std::nullopt;
    rest.remove_prefix(semicolon);
  }
  std::string_view name = rest.substr(9);
  char stop = ';';
  if (!name.empty() && (name.front() == '\'' || name.front() == '"')) {
    stop = name.front();
    name.remove_prefix(1);
  }
  name = name.substr(0, name.find(stop));
  for (const char separator : {'/', '\\'}) {
    const auto last = name.rfind(separator);
    if (last == std::string_view::npos) continue;
    name.remove_prefix(last + 1);
    if (name.empty()) return std::nullopt;
  }
  name = name.substr(0, name.find('\r'));
  name = name.substr(0, name.find('\n'));
  return std::string(name);
}

// -J: the first Content-Disposition header names (and creates) the file.
bool BodyOutput::take_header_name(std::string_view header) {
  constexpr std::string_view kName = "Content-disposition:";
  if (!options_.name_from_header || name_from_header_done_ || header.size() <= kName.size() ||
      !istarts_with(header, kName)) {
    return true;
  }
  if (std::optional<std::string> name = content_disposition_filename(header.substr(kName.size()))) {
    if (stream_) return false;
    // curl opens the name inside --output-dir but reports it (%{filename_effective}) without.
    path_ = options_.output_dir ? *options_.output_dir + "/" + *name : *name;
    filename_ = *name;
    header_named_ = true;
    name_from_header_done_ = true;
  }
  return ensure_open();
}

std::size_t BodyOutput::write(const char* data, std::size_t size) {
  if (!ensure_open()) return 0;
  if (size == 0) return 0;
  const std::size_t done = std::fwrite(data, 1, size, stream_.get());
  if (options_.no_buffer) std::fflush(stream_.get());
  return done;
}

void BodyOutput::rewind_for_retry() {
  if (stream_.is_file() && body_bytes_ > 0) {
    if (!options_.silent) std::fprintf(diagnostics_.stream(), "Throwing away %zu bytes\n", body_bytes_);
    std::fflush(stream_.get());
    if (::ftruncate(::fileno(stream_.get()), static_cast<off_t>(options_.resume_from)) == 0)
      std::fseek(stream_.get(), 0, SEEK_END);
  }
  body_bytes_ = 0;
  error_body_.clear();
  if (collected_ != nullptr) collected_->clear();
}

std::size_t BodyOutput::body_callback(char* data, std::size_t size, std::size_t count, void* self) {
  auto& output = *static_cast<BodyOutput*>(self);
  const std::size_t bytes = size * count;
  if (output.easy_ != nullptr && output.error_status()) {
    const std::size_t room = kErrorBodyBytes - std::min(kErrorBodyBytes, output.error_body_.size());
    output.error_body_.append(data, std::min(room, bytes));
    if (output.hold_errors_) return bytes;
  }
  if (output.collected_ != nullptr) {
    output.collected_->append(data, bytes);
    return bytes;
  }
  if (output.terminal_ && !output.binary_ok_ && output.body_bytes_ < kBinaryCheckBytes &&
      std::memchr(data, '\0', bytes) != nullptr) {
    output.diagnostics_.warning(
        "Binary output can mess up your terminal. Use \"--output -\" to tell " + output.diagnostics_.program_name() +
        " to output it to your terminal anyway, or consider \"--output <FILE>\" to save to a file.");
    output.refused_binary_ = true;
    return 0;  // anything but the byte count fails the transfer with CURLE_WRITE_ERROR
  }
  if (bytes == 0) return 0;
  const std::size_t written = output.write(data, bytes);
  output.body_bytes_ += written;
  return written;
}

std::size_t BodyOutput::header_callback(char* data, std::size_t size, std::size_t count, void* self) {
  auto& output = *static_cast<BodyOutput*>(self);
  const std::size_t bytes = size * count;
  if (output.dump_ && std::fwrite(data, 1, bytes, output.dump_.get()) != bytes) return 0;
  const std::string_view line(data, bytes);
  output.save_etag(line);
  if (!output.take_header_name(line)) return 0;
  if (!output.include_headers_ || output.collected_ != nullptr || !shows_headers(output.transfer_)) return bytes;
  const auto colon = line.find(':');
  if (output.terminal_ && output.options_.styled && colon != std::string_view::npos) {
    // curl shows header names in bold on a terminal.
    if (!output.ensure_open()) return 0;
    std::fprintf(output.stream_.get(), "\x1b[1m%.*s\x1b[0m", static_cast<int>(colon), data);
    return colon + output.write(data + colon, bytes - colon);
  }
  return output.write(data, bytes);
}

bool BodyOutput::finish(bool transfer_ok, bool no_body_due) {
  if (finished_) return true;
  finished_ = true;
  dump_.close();
  etag_.close();
  if (transfer_ok && !stream_ && path_ && !no_body_due) ensure_open();
  const bool file = stream_.is_file();
  const bool closed = stream_.close();
  if (file && !transfer_ok && options_.remove_on_error) std::remove(path_->c_str());
  return closed;
}

void set_file_metadata(const Diagnostics& diagnostics, CURL* easy, const std::string& path, const std::string& url,
                       bool remote_time, bool xattr) {
  if (xattr) {
    const auto set = [&](const char* name, const char* value) {
      return value == nullptr || ::setxattr(path.c_str(), name, value, std::strlen(value), 0) == 0;
    };
    char* referrer = nullptr;
    char* content_type = nullptr;
    curl_easy_getinfo(easy, CURLINFO_REFERER, &referrer);
    curl_easy_getinfo(easy, CURLINFO_CONTENT_TYPE, &content_type);
    bool ok = set("user.xdg.referrer.url", referrer) && set("user.mime_type", content_type);
    if (ok) {
      const std::optional<std::string> origin = url_without_credentials(url);
      ok = origin && set("user.xdg.origin.url", origin->c_str());
    }
    if (!ok) {
      diagnostics.warning("Error setting extended attributes on '" + path + "': " + std::strerror(errno));
    }
  }
  if (remote_time) {
    curl_off_t filetime = -1;
    curl_easy_getinfo(easy, CURLINFO_FILETIME_T, &filetime);
    if (filetime >= 0) {
      const struct timeval times[2] = {{static_cast<time_t>(filetime), 0}, {static_cast<time_t>(filetime), 0}};
      if (::utimes(path.c_str(), times) != 0) {
        diagnostics.warning("Failed to set filetime " + std::to_string(filetime) +
                            " on outfile: " + std::strerror(errno));
      }
    }
  }
}

}  // namespace dbcurl

#include "perform/output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "common/diagnostics.hpp"

namespace dbcurl {

namespace {
constexpr std::size_t kBinaryCheckBytes = 2000;  // curl looks for NUL in this much
constexpr std::size_t kErrorBodyBytes = 64 * 1024;
constexpr long kHttpErrorThreshold = 400;
}  // namespace

BodyOutput::BodyOutput(std::optional<std::string> path, bool include_headers)
    : path_(std::move(path)), include_headers_(include_headers) {
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
  if (stream_ != nullptr) return true;
  if (open_failed_) return false;
  if (!path_) {
    stream_ = stdout;
    return true;
  }
  if (create_dirs_) {
    std::error_code ignored;
    std::filesystem::create_directories(std::filesystem::path(*path_).parent_path(), ignored);
  }
  stream_ = std::fopen(path_->c_str(), append_ ? "ab" : "wb");
  if (stream_ == nullptr) {
    open_failed_ = true;
    diagnostics().warning("Failed to open the file " + *path_ + ": " + std::strerror(errno));
    return false;
  }
  owns_stream_ = true;
  return true;
}

std::size_t BodyOutput::write(const char* data, std::size_t size) {
  if (!ensure_open()) return 0;
  if (size == 0) return 0;
  const std::size_t done = std::fwrite(data, 1, size, stream_);
  written_ += done;
  return done;
}

void BodyOutput::rewind_for_retry() {
  if (owns_stream_ && stream_ != nullptr && written_ > 0) {
    std::fflush(stream_);
    if (::ftruncate(::fileno(stream_), 0) == 0) std::rewind(stream_);
    written_ = 0;
  }
  error_body_.clear();
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
  if (output.terminal_ && !output.binary_ok_ && output.written_ < kBinaryCheckBytes &&
      std::memchr(data, '\0', bytes) != nullptr) {
    diagnostics().warning(
        "Binary output can mess up your terminal. Use \"--output -\" to tell dbcurl to output it to your terminal "
        "anyway, or consider \"--output <FILE>\" to save to a file.");
    output.refused_binary_ = true;
    return 0;  // anything but the byte count fails the transfer with CURLE_WRITE_ERROR
  }
  if (bytes == 0) return 0;
  return output.write(data, bytes);
}

std::size_t BodyOutput::header_callback(char* data, std::size_t size, std::size_t count, void* self) {
  auto& output = *static_cast<BodyOutput*>(self);
  const std::size_t bytes = size * count;
  if (!output.dump_path_.empty()) {
    if (output.dump_stream_ == nullptr) {
      if (output.dump_path_ == "-")
        output.dump_stream_ = stdout;
      else if (output.dump_path_ == "%")
        output.dump_stream_ = diagnostics().stream();
      else {
        output.dump_stream_ = std::fopen(output.dump_path_.c_str(), "wb");
        output.owns_dump_ = output.dump_stream_ != nullptr;
      }
    }
    if (output.dump_stream_ == nullptr || std::fwrite(data, 1, bytes, output.dump_stream_) != bytes) return 0;
  }
  if (!output.include_headers_ || output.collected_ != nullptr) return bytes;
  const std::string_view line(data, bytes);
  const auto colon = line.find(':');
  if (output.terminal_ && colon != std::string_view::npos) {
    // curl shows header names in bold on a terminal.
    if (!output.ensure_open()) return 0;
    std::fprintf(output.stream_, "\x1b[1m%.*s\x1b[0m", static_cast<int>(colon), data);
    return colon + output.write(data + colon, bytes - colon);
  }
  return output.write(data, bytes);
}

void BodyOutput::finish(bool transfer_ok) {
  if (finished_) return;
  finished_ = true;
  if (owns_dump_)
    std::fclose(dump_stream_);
  else if (dump_stream_ != nullptr)
    std::fflush(dump_stream_);
  dump_stream_ = nullptr;
  if (transfer_ok && stream_ == nullptr && path_) ensure_open();
  if (stream_ == nullptr) return;
  if (owns_stream_) {
    std::fclose(stream_);
    if (!transfer_ok && remove_on_error_) std::remove(path_->c_str());
  } else {
    std::fflush(stream_);
  }
  stream_ = nullptr;
  owns_stream_ = false;
}

}  // namespace dbcurl

#pragma once
// Where a transfer's body (and, with -i, its headers) goes: stdout or an -o
// file, created on the first write as curl creates it.

#include <cstdio>
#include <optional>
#include <string>

namespace dbcurl {

class BodyOutput {
 public:
  // path: nullopt for stdout; "-" is stdout too, and then binary is allowed.
  BodyOutput(std::optional<std::string> path, bool include_headers);
  BodyOutput(const BodyOutput&) = delete;
  BodyOutput& operator=(const BodyOutput&) = delete;
  ~BodyOutput();

  static std::size_t body_callback(char* data, std::size_t size, std::size_t count, void* self);
  static std::size_t header_callback(char* data, std::size_t size, std::size_t count, void* self);

  bool to_terminal() const { return terminal_; }
  // The binary-to-terminal guard stopped the transfer (curl's synthetic error:
  // exit 23 with no "(23)" line).
  bool refused_binary() const { return refused_binary_; }
  // Ends the output; a successful transfer with no body still leaves its file.
  void finish(bool transfer_ok);
  const std::string& filename() const { return filename_; }

 private:
  bool ensure_open();
  std::size_t write(const char* data, std::size_t size);

  std::optional<std::string> path_;
  std::string filename_;
  bool include_headers_;
  bool terminal_ = false;
  bool binary_ok_ = false;
  bool refused_binary_ = false;
  bool open_failed_ = false;
  bool finished_ = false;
  std::FILE* stream_ = nullptr;
  bool owns_stream_ = false;
  std::size_t written_ = 0;
};

}  // namespace dbcurl

#pragma once
// One diagnostic style for the whole program, modelled on curl's own:
//   dbcurl: <text>          errors (shown unless -s without -S); the prefix is
//                           the invoked name, so a `curl` symlink says "curl:"
//   Warning: <text>         warnings, wrapped at 79 columns (hidden by -s)
// Every message passes through the redactor first, so no code path can print
// a token by accident.

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "common/redact.hpp"

namespace dbcurl {

// Where pure stages send warnings; main wires it to its Diagnostics::warning.
using WarningSink = std::function<void(std::string_view)>;

// One per run, made by main and handed to the stages that print.
class Diagnostics {
 public:
  // secrets: what every message is redacted with; it must outlive the diagnostics.
  explicit Diagnostics(const SecretRegistry& secrets) : secrets_(secrets) {}
  void set_silent(bool silent) { silent_ = silent; }
  void set_show_error(bool show_error) { show_error_ = show_error; }
  void set_stream(std::FILE* stream) { stream_ = stream; }
  // The name messages start with: the basename of argv[0], "dbcurl" if empty.
  void set_program_name(std::string_view argv0);
  const std::string& program_name() const { return program_name_; }
  std::FILE* stream() const { return stream_ == nullptr ? stderr : stream_; }
  bool errors_shown() const { return !silent_ || show_error_; }
  bool warnings_shown() const { return !silent_; }

  void error(std::string_view text) const;                // hidden by -s unless -S
  void error_unless_silent(std::string_view text) const;  // hidden by -s even with -S, as some of curl's
  void warning(std::string_view text) const;
  void note(std::string_view text) const;  // "Note: ", hidden by -s
  // Shown even under -s: option errors (as curl) and refusals before sending.
  void error_always(std::string_view text) const;
  // curl's "try 'curl --help' or 'curl --manual' ..." after a usage error, also under -s.
  void usage_hint() const;

 private:
  void write_line(std::string_view prefix, std::string_view text) const;
  const SecretRegistry& secrets_;
  bool silent_ = false;
  bool show_error_ = false;
  std::FILE* stream_ = nullptr;
  std::string program_name_ = "dbcurl";
};

// curl's warning layout: "Warning: " on every line, text cut at the last blank
// within 70 columns (the blank stays at the end of the line).
std::string wrap_warning(std::string_view text);

}  // namespace dbcurl

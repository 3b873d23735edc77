#pragma once
// -w/--write-out: curl 7.88's variables and syntax.

#include <curl/curl.h>

#include <cstdio>
#include <string>
#include <string_view>

#include "common/diagnostics.hpp"
#include "common/redact.hpp"

namespace dbcurl {

struct WriteOutFacts {
  CURL* easy = nullptr;
  int exit_code = 0;
  std::string error_message;       // what "dbcurl: (N) ..." says, or empty
  std::string filename_effective;  // -o name, empty for stdout
  std::string url;                 // the URL as given for this transfer
  std::size_t url_index = 0;
  const SecretRegistry& secrets;  // redacted from the URL, error text and headers shown
};

// Writes the expansion of format to out (switchable to err by %{stderr}).
// Unknown variables are reported through warn, once each, as curl does.
void write_out(std::string_view format, const WriteOutFacts& facts, std::FILE* out, std::FILE* err,
               const WarningSink& unknown_variable);

}  // namespace dbcurl

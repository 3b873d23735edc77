#pragma once
// Redaction for everything dbcurl itself writes (SPEC §7). Three rules:
//  1. every secret registered this run is replaced wherever it appears;
//  2. Databricks PAT shapes ("dapi" + 32 hex, optional "-N") are replaced;
//  3. in trace output, any Authorization / Proxy-Authorization value is replaced.
// The redacted form keeps four characters to recognise the token by:
// "dapi…(redacted)".

#include <string>
#include <string_view>

namespace dbcurl {

void register_secret(std::string_view secret);
std::string redacted_form(std::string_view secret);
// Rules 1 and 2: for messages, --explain and -w values.
std::string redact_text(std::string_view text);
// Rules 1, 2 and 3: for -v and --trace* data.
std::string redact_trace(std::string_view data);

}  // namespace dbcurl

#pragma once
// What dbcurl adds to a workspace reply that curl would only print: one
// readable line from a Databricks error body, and hints for the classic traps.
// Pure: the inputs are the status, headers and body dbcurl already has.

#include <optional>
#include <string>
#include <string_view>

namespace dbcurl {

// "HTTP 403 PERMISSION_DENIED: Invalid access token." from {"error_code", "message"},
// the legacy {"error"} and SCIM {"detail", "status", "scimType"} bodies; nullopt
// when the body is none of those.
std::optional<std::string> databricks_error_line(long status, std::string_view body);

struct ReplyFacts {
  std::string request_path;  // the path dbcurl asked for
  long status = 0;
  std::string content_type;
  std::string redirect_url;   // Location of an unfollowed redirect
  std::string effective_url;  // where a followed redirect ended
};

// A hint when an API path got a login page or HTML instead of JSON.
std::optional<std::string> trap_hint(const ReplyFacts& facts);

}  // namespace dbcurl

#include "perform/databricks_reply.hpp"

#include <nlohmann/json.hpp>

#include "common/strings.hpp"

namespace dbcurl {

namespace {
std::string text_of(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  return value.dump();
}
}  // namespace

std::optional<std::string> databricks_error_line(long status, std::string_view body) {
  const nlohmann::json document = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object()) return std::nullopt;
  std::string code;
  std::string message;
  if (document.contains("error_code") || document.contains("message")) {
    if (document.contains("error_code")) code = text_of(document["error_code"]);
    if (document.contains("message")) message = text_of(document["message"]);
  } else if (document.contains("detail")) {  // SCIM
    if (document.contains("scimType")) code = text_of(document["scimType"]);
    message = text_of(document["detail"]);
  } else if (document.contains("error")) {  // legacy
    message = text_of(document["error"]);
  } else {
    return std::nullopt;
  }
  std::string line = "HTTP " + std::to_string(status);
  if (!code.empty() && code != std::to_string(status)) line += " " + code;
  if (!message.empty()) line += ": " + message;
  return line;
}

std::optional<std::string> trap_hint(const ReplyFacts& facts) {
  if (!facts.request_path.starts_with("/api/")) return std::nullopt;
  const bool login_redirect =
      facts.redirect_url.find("/login") != std::string::npos || facts.effective_url.find("/login") != std::string::npos;
  const bool html = istarts_with(facts.content_type, "text/html");
  if (!login_redirect && !html) return std::nullopt;
  return std::string(login_redirect ? "the workspace redirected an API request to its login page"
                                    : "the workspace answered an API request with an HTML page") +
         ": the token may be expired or revoked, the host may be wrong (a workspace URL, not the account "
         "console), the workspace may need private-link access, or a shared host may need ?o=<workspace-id>";
}

}  // namespace dbcurl

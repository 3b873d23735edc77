#include "creds/sources/oauth_token.hpp"

#include <openssl/evp.h>

#include <nlohmann/json.hpp>

#include "common/redact.hpp"

namespace dbcurl {

namespace {

Error token_failure(std::string message) { return make_error(exit_code::kTokenRequestFailed, std::move(message)); }

nlohmann::json parse_object(const SecretString& body) {
  nlohmann::json document = nlohmann::json::parse(body.view(), nullptr, /*allow_exceptions=*/false);
  if (!document.is_object()) document = nlohmann::json();
  return document;  // moved, not copied: it may hold a token
}

std::string string_member(const nlohmann::json& document, const char* name) {
  const auto found = document.find(name);
  return found != document.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// An OAuth error answer (RFC 6749 5.2) in one line: "invalid_client: description".
std::string oauth_error_text(const HttpReply& reply) {
  const nlohmann::json document = parse_object(reply.body);
  std::string text = string_member(document, "error");
  const std::string description = string_member(document, "error_description");
  if (!description.empty()) text += (text.empty() ? "" : ": ") + description;
  if (text.empty()) text = string_member(document, "message");  // Databricks' own error shape
  for (char& c : text) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return text.empty() ? std::string() : ", " + text;
}

// expires_in, a number of seconds (some servers send it as a string).
std::optional<std::chrono::seconds> expires_in(const nlohmann::json& document) {
  const auto found = document.find("expires_in");
  if (found == document.end()) return std::nullopt;
  if (found->is_number_integer() && found->get<long long>() > 0) return std::chrono::seconds(found->get<long long>());
  if (found->is_string()) {
    const std::string text = found->get<std::string>();
    if (!text.empty() && text.size() < 12 && text.find_first_not_of("0123456789") == std::string::npos) {
      return std::chrono::seconds(std::stoll(text));
    }
  }
  return std::nullopt;
}

}  // namespace

Result<std::string> oauth_token_endpoint(const DatabricksConfig& config, TokenHttp& http) {
  const std::string origin = config.workspace->origin();
  if (config.workspace->is_account_host()) {
    if (!config.account_id) {
      return make_error(exit_code::kConfigInvalid,
                        origin + " is an account host: OAuth there needs account_id (DATABRICKS_ACCOUNT_ID)");
    }
    return origin + "/oidc/accounts/" + config.account_id->value + "/v1/token";
  }
  const std::string discovery = origin + "/oidc/.well-known/oauth-authorization-server";
  Result<HttpReply> reply = http.get(discovery, {});
  if (!reply) return reply.error();
  if (reply->status == 404) return token_failure(origin + " does not offer OAuth (HTTP 404 from " + discovery + ")");
  if (reply->status != 200) {
    return token_failure("OAuth discovery at " + discovery + " answered HTTP " + std::to_string(reply->status));
  }
  const std::string endpoint = string_member(parse_object(reply->body), "token_endpoint");
  if (endpoint.empty()) return token_failure("OAuth discovery at " + discovery + " names no token_endpoint");
  return endpoint;
}

namespace {

// The client's Authorization value as libcurl builds it, base64 of
// "user:password": a secret too, should an endpoint echo it in its error.
void register_basic_credentials(const BasicCredentials& basic, SecretRegistry& secrets) {
  std::string pair = basic.user + ":" + std::string(basic.password.view());
  std::string encoded(4 * ((pair.size() + 2) / 3) + 1, '\0');
  const int size = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                   reinterpret_cast<const unsigned char*>(pair.data()), static_cast<int>(pair.size()));
  encoded.resize(size > 0 ? static_cast<std::size_t>(size) : 0);
  secrets.add(encoded);
  wipe_string(encoded);
  wipe_string(pair);
}

}  // namespace

Result<ObtainedToken> request_oauth_token(TokenHttp& http, const std::string& endpoint,
                                          const std::vector<HttpField>& form, const BasicCredentials* basic,
                                          const ResolveContext& context) {
  if (basic != nullptr) register_basic_credentials(*basic, context.io.secrets);
  Result<HttpReply> reply = http.post_form(endpoint, {}, form, basic);
  if (!reply) return reply.error();
  if (reply->status != 200) {
    return token_failure("token endpoint " + endpoint + " refused the request: HTTP " + std::to_string(reply->status) +
                         oauth_error_text(*reply));
  }
  nlohmann::json document = parse_object(reply->body);
  const auto token = document.find("access_token");
  if (token == document.end() || !token->is_string() || token->get_ref<const std::string&>().empty()) {
    return token_failure("token endpoint " + endpoint + " answered without an access_token");
  }
  std::string& text = token->get_ref<std::string&>();
  context.io.secrets.add(text);
  ObtainedToken result{SecretString(text), std::nullopt};
  wipe_string(text);
  if (std::optional<std::chrono::seconds> lifetime = expires_in(document))
    result.expiry = expiry_after(context.now, lifetime->count());
  return result;
}

}  // namespace dbcurl

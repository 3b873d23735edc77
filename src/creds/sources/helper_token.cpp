#include "creds/sources/helper_token.hpp"

#include <nlohmann/json.hpp>

#include "common/redact.hpp"
#include "common/strings.hpp"

namespace dbcurl {

namespace {

// A helper's output: a bare token, or JSON {"access_token": ..., "expiry": ...}
// as `databricks auth token` prints it.
Result<ObtainedToken> parse_helper_output(const SecretString& output, const HelperCommand& command) {
  const std::string_view text = trim(output.view());
  const auto malformed = [&](const std::string& why) {
    return make_error(exit_code::kHelperFailed, "token helper '" + describe_command(command.argv) + "' " + why);
  };
  if (text.empty()) return malformed("printed nothing");
  if (text.front() != '{') {
    if (text.find_first_of("\r\n\t ") != std::string_view::npos || text.find('\0') != std::string_view::npos) {
      return malformed("printed more than one token (expected the token alone on one line, or JSON)");
    }
    return ObtainedToken{SecretString(text), std::nullopt};
  }
  nlohmann::json document = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object() || !document.contains("access_token") || !document["access_token"].is_string() ||
      document["access_token"].get_ref<const std::string&>().empty()) {
    return malformed("printed JSON without an \"access_token\"");
  }
  ObtainedToken result{SecretString(document["access_token"].get_ref<const std::string&>()), std::nullopt};
  wipe_string(document["access_token"].get_ref<std::string&>());
  if (document.contains("expiry")) {
    if (!document["expiry"].is_string()) return malformed("printed an \"expiry\" that is not a string");
    result.expiry = parse_rfc3339(document["expiry"].get<std::string>());
    if (!result.expiry) return malformed("printed an \"expiry\" that is not an RFC 3339 time");
  }
  return result;
}

std::string cache_key(std::string_view kind, const DatabricksConfig& config, const HelperCommand& command) {
  return std::string(kind) + "\n" + config.workspace->origin() + "\n" +
         (config.profile ? config.profile->value : std::string()) + "\n" + describe_command(command.argv);
}

}  // namespace

Result<Credential> cached_credential(const std::string& key, const std::string& origin, const std::string& label,
                                     const ResolveContext& context,
                                     const std::function<Result<ObtainedToken>()>& obtain) {
  if (context.cache != nullptr) {
    if (std::optional<SecretString> cached = context.cache->get(key, context.now)) {
      context.io.secrets.add(cached->view());
      return Credential{std::move(*cached), origin + " (cached in " + context.cache->file_for(key) + ")", label, {}};
    }
  }
  Result<ObtainedToken> token = obtain();
  if (!token) return token.error();
  context.io.secrets.add(token->token.view());
  if (token->expiry && context.cache != nullptr) context.cache->put(key, token->token, *token->expiry);
  return Credential{std::move(token->token), origin, label, std::move(token->explain)};
}

Result<Credential> helper_credential(const HelperCommand& command, std::string_view kind,
                                     const DatabricksConfig& config, const std::string& label,
                                     const ResolveContext& context) {
  return cached_credential(cache_key(kind, config, command), describe_command(command.argv), label, context,
                           [&]() -> Result<ObtainedToken> {
                             Result<SecretString> output = context.io.runner.run(command);
                             if (!output) return output.error();
                             return parse_helper_output(*output, command);
                           });
}

}  // namespace dbcurl

#include "creds/explain_probes.hpp"

#include "creds/helper.hpp"

namespace dbcurl {

namespace {

Error not_run(int code, std::string what) {
  Error error = make_error(code, std::move(what));
  error.kind = ErrorKind::kNotRun;
  return error;
}

}  // namespace

Result<SecretString> ExplainRunner::run(const HelperCommand& command) {
  return not_run(exit_code::kHelperFailed, "would run '" + describe_command(command.argv) + "'");
}

// The URL may be a secret (a metadata service's): --explain's output is redacted as a whole.
Result<HttpReply> ExplainTokenHttp::get(const std::string& url, const std::vector<HttpField>& /*headers*/) {
  return not_run(exit_code::kTokenRequestFailed, "would ask GET " + url);
}

Result<HttpReply> ExplainTokenHttp::post_form(const std::string& url, const std::vector<HttpField>& /*headers*/,
                                              const std::vector<HttpField>& /*fields*/,
                                              const BasicCredentials* /*basic*/) {
  return not_run(exit_code::kTokenRequestFailed, "would ask POST " + url);
}

}  // namespace dbcurl

#pragma once
// What --explain gives resolution instead of a runner and an HTTP client:
// nothing runs and nothing is sent. Each command or request is an Error of
// kind kNotRun saying what a real run would do; resolution then names that
// source as where the token would come from (resolve_workspace_token). A
// token still valid in the cache is shown as it is: reading it asks no one.

#include "common/command_runner.hpp"
#include "creds/token_http.hpp"

namespace dbcurl {

class ExplainRunner final : public CommandRunner {
 public:
  Result<SecretString> run(const HelperCommand& command) override;
};

class ExplainTokenHttp final : public TokenHttp {
 public:
  Result<HttpReply> get(const std::string& url, const std::vector<HttpField>& headers) override;
  Result<HttpReply> post_form(const std::string& url, const std::vector<HttpField>& headers,
                              const std::vector<HttpField>& fields, const BasicCredentials* basic) override;
};

}  // namespace dbcurl

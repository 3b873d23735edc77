#pragma once
// Commands dbcurl runs for a token (token_command, the databricks CLI, az)
// behind a small interface, so resolution can be tested with a fake runner.
// The real one, ProcessRunner, is in creds/helper.hpp.

#include <chrono>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "common/secret.hpp"

namespace dbcurl {

struct HelperCommand {
  std::vector<std::string> argv;  // argv[0] is looked up on PATH unless it has a '/'
  std::chrono::milliseconds timeout{std::chrono::seconds(30)};
  std::string origin;  // where it was configured, for messages
};

class CommandRunner {
 public:
  virtual ~CommandRunner() = default;
  // The command's whole standard output, or an Error (exit code kHelperFailed)
  // naming the command: not found, non-zero exit, timeout (ErrorKind::kTimedOut),
  // oversized output.
  virtual Result<SecretString> run(const HelperCommand& command) = 0;
};

}  // namespace dbcurl

#pragma once
// Token helper commands (token_command, the databricks CLI) behind a small
// interface, so resolution can be tested with a fake runner.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "common/secret.hpp"
#include "creds/environment.hpp"
#include "creds/resolution_limits.hpp"

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

// Runs commands with Boost.Process: no shell, stdin closed, stderr passed
// through, stdout read whole (at most 64 KiB) and never echoed, killed at the
// timeout, never left behind. With limits, a command's timeout ends at -m's
// deadline at the latest, and none starts after it.
class ProcessRunner final : public CommandRunner {
 public:
  // env: where PATH is read from (the helper inherits the process environment).
  explicit ProcessRunner(const Environment& env, const ResolutionLimits* limits = nullptr)
      : env_(env), limits_(limits) {}
  Result<SecretString> run(const HelperCommand& command) override;

 private:
  const Environment& env_;
  const ResolutionLimits* limits_;
};

inline constexpr std::size_t kMaxHelperOutput = 64 * 1024;

// Where a command would run from: a name with a '/' as it is, else the first
// executable of that name in path_list (PATH's value); nullopt when none.
std::optional<std::string> find_executable(const std::string& name, std::string_view path_list);

// "keyring get databricks prod", for messages.
std::string describe_command(const std::vector<std::string>& argv);

}  // namespace dbcurl

#pragma once
// The CommandRunner that runs token helper commands (token_command, the
// databricks CLI, az) as processes.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/command_runner.hpp"
#include "common/environment.hpp"
#include "common/result.hpp"
#include "common/secret.hpp"
#include "creds/resolution_limits.hpp"

namespace dbcurl {

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

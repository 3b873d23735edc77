#pragma once
// How long resolution may take to get a token. Without -m each token request
// and helper keeps its own limit (30 s, token_timeout); with -m N they all
// end within N seconds, counted from the start of planning the --next group
// whose request needs the token, and --connect-timeout bounds the token
// requests' connects (docs/differences.md). Shared by the real TokenHttp and
// CommandRunner; plan_transfers sets it for each group.

#include <chrono>
#include <optional>
#include <string>

namespace dbcurl {

class ResolutionLimits {
 public:
  using Clock = std::chrono::steady_clock;
  using Milliseconds = std::chrono::milliseconds;

  // A group's -m and --connect-timeout (zero: not given), counted from now.
  void set(Milliseconds max_time, Milliseconds connect_timeout, Clock::time_point now = Clock::now());
  // What a step with its own limit may take: that limit, or what is left
  // before -m's deadline when that comes first (zero once it has passed; less
  // than own only then).
  Milliseconds allow(Milliseconds own, Clock::time_point now = Clock::now()) const;
  // A connect's limit: --connect-timeout when given, else own; never more than allow(step).
  Milliseconds allow_connect(Milliseconds own, Milliseconds step) const;
  // "-m 2 s", for messages.
  std::string describe() const;

 private:
  std::optional<Clock::time_point> deadline_;
  Milliseconds max_time_{0};
  Milliseconds connect_timeout_{0};
};

// "30 s", "0.250 s".
std::string format_seconds(std::chrono::milliseconds duration);

}  // namespace dbcurl

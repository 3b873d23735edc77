#include "creds/resolution_limits.hpp"

#include <algorithm>
#include <cstdio>

namespace dbcurl {

void ResolutionLimits::set(Milliseconds max_time, Milliseconds connect_timeout, Clock::time_point now) {
  max_time_ = max_time;
  connect_timeout_ = connect_timeout;
  deadline_.reset();
  // An -m past what the clock can count to (curl takes -m 9223372036854775)
  // sets no deadline: now + max_time would overflow the clock's nanoseconds.
  const auto until_the_clock_ends = std::chrono::duration_cast<Milliseconds>(Clock::time_point::max() - now);
  if (max_time.count() > 0 && max_time < until_the_clock_ends) deadline_ = now + max_time;
}

ResolutionLimits::Milliseconds ResolutionLimits::allow(Milliseconds own, Clock::time_point now) const {
  if (!deadline_) return own;
  const auto left = std::chrono::duration_cast<Milliseconds>(*deadline_ - now);
  return std::clamp(left, Milliseconds(0), own);
}

ResolutionLimits::Milliseconds ResolutionLimits::allow_connect(Milliseconds own, Milliseconds step) const {
  return std::min(connect_timeout_.count() > 0 ? connect_timeout_ : own, step);
}

std::string ResolutionLimits::describe() const { return "-m " + format_seconds(max_time_); }

std::string format_seconds(std::chrono::milliseconds duration) {
  const auto ms = duration.count();
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
  char text[32];
  std::snprintf(text, sizeof text, "%.3f s", static_cast<double>(ms) / 1000.0);
  return text;
}

}  // namespace dbcurl

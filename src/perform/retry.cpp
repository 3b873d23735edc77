#include "perform/retry.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <string_view>

namespace dbcurl {

namespace {
constexpr std::chrono::milliseconds kMaxSleep{10 * 60 * 1000};  // curl's RETRY_SLEEP_MAX

bool transient_http(long code) {
  return code == 408 || code == 429 || code == 500 || code == 502 || code == 503 || code == 504;
}
}  // namespace

RetryScheme retry_scheme(const char* scheme) {
  const std::string_view name = scheme != nullptr ? scheme : "";
  if (name == "HTTP" || name == "HTTPS") return RetryScheme::kHttp;
  if (name == "FTP" || name == "FTPS") return RetryScheme::kFtp;
  return RetryScheme::kOther;
}

std::optional<RetryDecision> decide_retry(const RetryPolicy& policy, RetryState& state, const AttemptFacts& facts) {
  if (policy.retries <= 0 || state.left <= 0) return std::nullopt;
  if (policy.max_time_seconds > 0 && facts.elapsed >= std::chrono::seconds(policy.max_time_seconds))
    return std::nullopt;

  std::string why;
  bool http = false;
  if (facts.result == CURLE_OPERATION_TIMEDOUT || facts.result == CURLE_COULDNT_RESOLVE_HOST ||
      facts.result == CURLE_COULDNT_RESOLVE_PROXY || facts.result == CURLE_FTP_ACCEPT_TIMEOUT) {
    why = ": timeout";
  } else if (policy.connection_refused && facts.result == CURLE_COULDNT_CONNECT && facts.refused) {
    why = ": connection refused";
  } else if ((facts.result == CURLE_OK || (policy.fail && facts.result == CURLE_HTTP_RETURNED_ERROR)) &&
             facts.scheme == RetryScheme::kHttp && transient_http(facts.response_code)) {
    why = ": HTTP error";
    http = true;
  } else if (facts.result != CURLE_OK && facts.scheme == RetryScheme::kFtp && facts.response_code / 100 == 4) {
    // An FTP server that takes only so many users says so with a 4xx.
    why = ": FTP error";
  } else if (facts.result != CURLE_OK && policy.all_errors) {
    why = "(retrying all errors)";
  } else {
    return std::nullopt;
  }

  std::chrono::milliseconds delay = state.sleep;
  if (http && facts.retry_after_seconds > 0) {
    delay = std::chrono::seconds(facts.retry_after_seconds);
    if (policy.max_time_seconds > 0 &&
        std::chrono::duration_cast<std::chrono::seconds>(facts.elapsed).count() + facts.retry_after_seconds >
            policy.max_time_seconds) {
      return RetryDecision{std::chrono::milliseconds(0),
                           "The Retry-After: time would make this command line exceed the maximum allowed time for "
                           "retries.",
                           false};
    }
  }
  RetryDecision decision{delay,
                         "Problem " + why + ". Will retry in " + std::to_string(delay.count() / 1000) + " seconds. " +
                             std::to_string(state.left) + " retries left.",
                         true};
  --state.left;
  if (policy.delay_seconds <= 0) state.sleep = std::min(state.sleep * 2, kMaxSleep);
  return decision;
}

}  // namespace dbcurl

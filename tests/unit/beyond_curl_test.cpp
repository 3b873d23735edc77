#include <curl/curl.h>
#include <catch2/catch.hpp>

#include "creds/url.hpp"
#include "perform/databricks_reply.hpp"
#include "perform/paginate.hpp"
#include "perform/retry.hpp"

using namespace dbcurl;
using namespace std::chrono_literals;

TEST_CASE("retry: curl's transient errors, doubling delays, Retry-After, and the warning") {
  const RetryPolicy policy{3, 0, 0, false, false, false};
  RetryState state(policy);
  AttemptFacts busy{CURLE_OK, 503, RetryScheme::kHttp, 0, false, 0ms};
  auto first = decide_retry(policy, state, busy);
  REQUIRE(first);
  CHECK(first->delay == 1s);
  CHECK(first->warning == "Problem : HTTP error. Will retry in 1 seconds. 3 retries left.");
  CHECK(decide_retry(policy, state, busy)->delay == 2s);
  busy.retry_after_seconds = 7;
  CHECK(decide_retry(policy, state, busy)->warning == "Problem : HTTP error. Will retry in 7 seconds. 1 retries left.");
  CHECK_FALSE(decide_retry(policy, state, busy));  // none left

  RetryState fresh(policy);
  CHECK_FALSE(decide_retry(policy, fresh, AttemptFacts{CURLE_OK, 404, RetryScheme::kHttp, 0, false, 0ms}));
  CHECK_FALSE(
      decide_retry(policy, fresh, AttemptFacts{CURLE_HTTP_RETURNED_ERROR, 503, RetryScheme::kHttp, 0, false, 0ms}));
  CHECK(decide_retry(policy, fresh, AttemptFacts{CURLE_OPERATION_TIMEDOUT, 0, RetryScheme::kHttp, 0, false, 0ms})
            ->warning == "Problem : timeout. Will retry in 1 seconds. 3 retries left.");
  CHECK_FALSE(decide_retry(policy, fresh, AttemptFacts{CURLE_COULDNT_CONNECT, 0, RetryScheme::kHttp, 0, true, 0ms}));
}

TEST_CASE("retry: --retry-delay, --retry-connrefused, --retry-all-errors, -f, --retry-max-time") {
  const RetryPolicy fixed{5, 3, 0, true, true, true};
  RetryState state(fixed);
  const AttemptFacts failed_http{CURLE_HTTP_RETURNED_ERROR, 429, RetryScheme::kHttp, 0, false, 0ms};
  CHECK(decide_retry(fixed, state, failed_http)->delay == 3s);
  CHECK(decide_retry(fixed, state, failed_http)->delay == 3s);
  CHECK(decide_retry(fixed, state, AttemptFacts{CURLE_COULDNT_CONNECT, 0, RetryScheme::kHttp, 0, true, 0ms})
            ->warning.starts_with("Problem : connection refused."));
  CHECK(decide_retry(fixed, state, AttemptFacts{CURLE_WRITE_ERROR, 0, RetryScheme::kHttp, 0, false, 0ms})
            ->warning.starts_with("Problem (retrying all errors)."));

  const RetryPolicy limited{5, 0, 10, false, false, false};
  RetryState limited_state(limited);
  CHECK_FALSE(decide_retry(limited, limited_state, AttemptFacts{CURLE_OK, 503, RetryScheme::kHttp, 0, false, 11s}));
  auto too_late = decide_retry(limited, limited_state, AttemptFacts{CURLE_OK, 503, RetryScheme::kHttp, 60, false, 1s});
  REQUIRE(too_late);
  CHECK_FALSE(too_late->retry);
  CHECK(too_late->warning.starts_with("The Retry-After: time would make"));
}

TEST_CASE("retry: an FTP 4xx reply is transient, as curl's --retry says (curl test 196)") {
  CHECK(retry_scheme("FTP") == RetryScheme::kFtp);
  CHECK(retry_scheme("FTPS") == RetryScheme::kFtp);
  CHECK(retry_scheme("HTTPS") == RetryScheme::kHttp);
  CHECK(retry_scheme("IMAP") == RetryScheme::kOther);
  CHECK(retry_scheme(nullptr) == RetryScheme::kOther);
  const RetryPolicy policy{2, 0, 0, false, false, false};
  RetryState state(policy);
  auto denied = decide_retry(policy, state, AttemptFacts{CURLE_LOGIN_DENIED, 430, RetryScheme::kFtp, 0, false, 0ms});
  REQUIRE(denied);
  CHECK(denied->warning == "Problem : FTP error. Will retry in 1 seconds. 2 retries left.");
  CHECK_FALSE(decide_retry(policy, state, AttemptFacts{CURLE_LOGIN_DENIED, 530, RetryScheme::kFtp, 0, false, 0ms}));
  CHECK_FALSE(decide_retry(policy, state, AttemptFacts{CURLE_LOGIN_DENIED, 430, RetryScheme::kOther, 0, false, 0ms}));
  CHECK_FALSE(decide_retry(policy, state, AttemptFacts{CURLE_OK, 450, RetryScheme::kFtp, 0, false, 0ms}));
  CHECK(decide_retry(policy, state, AttemptFacts{CURLE_FTP_ACCEPT_TIMEOUT, 0, RetryScheme::kFtp, 0, false, 0ms})
            ->warning.starts_with("Problem : timeout."));
}

TEST_CASE("pages: arrays concatenate, paging fields go, the next page is named") {
  PageMerger merger;
  REQUIRE(merger.add(R"({"jobs": [1, 2], "has_more": true, "next_page_token": "t2", "total": 5})"));
  CHECK(merger.next()->page_token == std::string("t2"));
  REQUIRE(merger.add(R"({"jobs": [3], "other": [9], "next_page_token": "", "total": 99})"));
  CHECK_FALSE(merger.next());
  CHECK(merger.document() == R"({"jobs":[1,2,3],"other":[9],"total":5})");
  CHECK_FALSE(merger.add("not json"));
  CHECK_FALSE(PageMerger().add("[1, 2]"));

  PageMerger offsets(10);
  REQUIRE(offsets.add(R"({"runs": [1, 2, 3], "has_more": true})"));
  CHECK(offsets.next()->offset == 13L);
  REQUIRE(offsets.add(R"({"runs": [4], "has_more": false})"));
  CHECK_FALSE(offsets.next());
}

TEST_CASE("pages: the next request's query or body") {
  CHECK(with_query_parameter("https://h/api/x", "page_token", "a b/c") == "https://h/api/x?page_token=a%20b%2Fc");
  CHECK(with_query_parameter("https://h/x?limit=2&page_token=old#f", "page_token", "new") ==
        "https://h/x?limit=2&page_token=new#f");
  CHECK(with_query_parameter("https://h/x?limit=2", "offset", "4") == "https://h/x?limit=2&offset=4");
  CHECK(query_offset("https://h/x?limit=2&offset=40") == 40);
  CHECK(query_offset("https://h/x") == 0);
  CHECK(with_json_field(R"({"filter": "x"})", "page_token", "p2") ==
        std::string(R"({"filter":"x","page_token":"p2"})"));
  CHECK(with_json_field("", "page_token", "p2") == std::string(R"({"page_token":"p2"})"));
  CHECK_FALSE(with_json_field("a=1", "page_token", "p2"));
}

TEST_CASE("Databricks error lines from each kind of error body") {
  CHECK(databricks_error_line(403, R"({"error_code": "PERMISSION_DENIED", "message": "Invalid access token."})") ==
        std::string("HTTP 403 PERMISSION_DENIED: Invalid access token."));
  CHECK(databricks_error_line(403, R"({"error_code": 403, "message": "Invalid access token."})") ==
        std::string("HTTP 403: Invalid access token."));
  CHECK(databricks_error_line(400, R"({"error": "Legacy"})") == std::string("HTTP 400: Legacy"));
  CHECK(databricks_error_line(404, R"({"detail": "No user", "status": "404", "scimType": "invalidValue"})") ==
        std::string("HTTP 404 invalidValue: No user"));
  CHECK_FALSE(databricks_error_line(500, "<html>oops</html>"));
  CHECK_FALSE(databricks_error_line(500, R"({"unrelated": 1})"));
}

TEST_CASE("traps: login pages and HTML for API paths, Git Bash paths") {
  CHECK(trap_hint(ReplyFacts{"/api/2.0/x", 302, "", "https://h/login.html?next=x", ""}));
  CHECK(trap_hint(ReplyFacts{"/api/2.0/x", 200, "text/html; charset=utf-8", "", ""}));
  CHECK_FALSE(trap_hint(ReplyFacts{"/api/2.0/x", 200, "application/json", "", ""}));
  CHECK_FALSE(trap_hint(ReplyFacts{"/index.html", 200, "text/html", "", ""}));
  CHECK(repair_msys_path("C:/Program Files/Git/api/2.0/clusters/list") == std::string("/api/2.0/clusters/list"));
  CHECK_FALSE(repair_msys_path("https://h/api/2.0/x"));
  CHECK_FALSE(repair_msys_path("C:/Users/me/file.txt"));
}

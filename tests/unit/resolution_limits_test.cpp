#include "creds/resolution_limits.hpp"

#include <catch2/catch.hpp>

using namespace dbcurl;
using namespace std::chrono_literals;

TEST_CASE("without -m each step keeps its own limit; with -m all steps end by one deadline") {
  ResolutionLimits limits;
  const auto start = ResolutionLimits::Clock::now();
  CHECK(limits.allow(30s, start) == 30s);
  limits.set(2s, 0ms, start);
  CHECK(limits.allow(30s, start) == 2s);
  CHECK(limits.allow(30s, start + 1500ms) == 500ms);
  CHECK(limits.allow(100ms, start + 1500ms) == 100ms);
  CHECK(limits.allow(30s, start + 2s) == 0ms);
  CHECK(limits.allow(30s, start + 1h) == 0ms);
  CHECK(limits.describe() == "-m 2 s");
  limits.set(0ms, 0ms, start + 1h);  // a --next group without -m
  CHECK(limits.allow(30s, start + 1h) == 30s);
  limits.set(250ms, 0ms, start);
  CHECK(limits.describe() == "-m 0.250 s");
}

TEST_CASE("an -m the clock cannot count to sets no deadline (the addition would overflow)") {
  ResolutionLimits limits;
  const auto start = ResolutionLimits::Clock::now();
  limits.set(std::chrono::milliseconds(9223372036854775), 0ms, start);  // -m 9223372036854775, as curl takes it
  CHECK(limits.allow(30s, start) == 30s);
  CHECK(limits.allow(30s, start + 1h) == 30s);
}

TEST_CASE("--connect-timeout bounds a token request's connect, never past the step's own limit") {
  ResolutionLimits limits;
  CHECK(limits.allow_connect(10s, 30s) == 10s);
  CHECK(limits.allow_connect(10s, 2s) == 2s);
  limits.set(0ms, 3s);
  CHECK(limits.allow_connect(10s, 30s) == 3s);
  CHECK(limits.allow_connect(10s, 1s) == 1s);
  limits.set(0ms, 20s);
  CHECK(limits.allow_connect(10s, 30s) == 20s);
}

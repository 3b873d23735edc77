#include <catch2/catch.hpp>

#include <map>

#include "cli/parse.hpp"
#include "cli/protocols.hpp"
#include "fake_io.hpp"

using namespace dbcurl;

namespace {

// File contents that stand for a file that opens but cannot be read (a
// directory), and for one past the reader's byte limit.
const std::string kUnreadable = "<unreadable>";
const std::string kTooLarge = "<too large>";
// A line one byte longer than a -K file may have.
const std::string kLineTooLong(kCurlConfigLimit.max_line + 1, 'x');

struct Parsed {
  Result<CommandLine> line;
  std::vector<std::string> warnings;
};

Parsed parse(std::vector<std::string> args, const std::map<std::string, std::string>& files = {}) {
  testing::FakeHome home;
  for (const auto& [path, text] : files) {
    if (text == kTooLarge) {
      home.files.fail(path, FileContent::Outcome::kTooLarge);
    } else if (text == kUnreadable) {
      home.files.fail(path, FileContent::Outcome::kReadError, EISDIR);
    } else {
      home.files.write(path, text);
    }
  }
  auto warnings = std::make_shared<std::vector<std::string>>();
  ParseContext context{
      home.io(), [warnings](std::string_view text) { warnings->emplace_back(text); },
      [warnings](std::string_view text) { warnings->emplace_back("note: " + std::string(text)); }, std::nullopt,
      LibcurlFeatures{.http3 = false, .tls_srp = true, .dns_servers = false, .protocols = {"ftp", "http", "https"}},
      // --stderr: where it happens among the warnings; "unwritable" cannot be opened.
      [warnings](std::string_view path) {
        warnings->emplace_back("stderr: " + std::string(path));
        return path != "unwritable";
      }};
  Result<CommandLine> line = parse_command_line(args, context);
  return {std::move(line), *warnings};
}

std::string error_of(std::vector<std::string> args) {
  Parsed parsed = parse(std::move(args));
  REQUIRE_FALSE(parsed.line.ok());
  CHECK(parsed.line.error().exit_code == 2);
  return parsed.line.error().message;
}

}  // namespace

TEST_CASE("short options bundle and take attached or separate values") {
  Parsed parsed = parse({"-sSLXPOST", "-HX-A:1", "-H", "X-B: 2", "-ofile", "https://h/"});
  REQUIRE(parsed.line.ok());
  const CommandLine& line = *parsed.line;
  CHECK(line.global.silent);
  CHECK(line.global.show_error);
  const TransferConfig& t = line.transfers.at(0);
  CHECK(t.follow_location);
  CHECK(t.method == "POST");
  CHECK(t.headers == std::vector<std::string>{"X-A:1", "X-B: 2"});
  CHECK(t.outputs == std::vector<std::optional<std::string>>{"file"});
  CHECK(t.urls == std::vector<std::string>{"https://h/"});
}

TEST_CASE("-os means output file s, as in curl") {
  Parsed parsed = parse({"-os", "u"});
  REQUIRE(parsed.line.ok());
  CHECK(parsed.line->transfers[0].outputs == std::vector<std::optional<std::string>>{"s"});
  CHECK_FALSE(parsed.line->global.silent);
}

TEST_CASE("-- ends options; words after it are URLs") {
  Parsed parsed = parse({"-s", "--", "-v", "--foo"});
  REQUIRE(parsed.line.ok());
  CHECK(parsed.line->transfers[0].urls == std::vector<std::string>{"-v", "--foo"});
  CHECK(parsed.line->global.trace_mode == TraceMode::kNone);
}

TEST_CASE("unknown and malformed options give curl's wording") {
  CHECK(error_of({"--foo"}) == "option --foo: is unknown");
  CHECK(error_of({"-sZW"}) == "option -sZW: is unknown");
  CHECK(error_of({"-sZQ"}) == "option -sZQ: requires parameter");
  CHECK(error_of({"-"}) == "option -: is unknown");
  CHECK(error_of({"--request=GET"}) == "option --request=GET: is unknown");
  CHECK(error_of({"-o"}) == "option -o: requires parameter");
  CHECK(error_of({"-s", "--data"}) == "option --data: requires parameter");
  CHECK(error_of({"--no-header", "x"}) == "option --no-header: used '--no-' for option that isn't a boolean");
  CHECK(error_of({"--no-next"}) == "option --no-next: used '--no-' for option that isn't a boolean");
  CHECK(error_of({"-f", "--fail-with-body"}) ==
        "You must select either --fail or --fail-with-body, not both.\noption --fail-with-body: is badly used here");
  CHECK(error_of({"-m", "abc"}) == "option -m: expected a proper numerical parameter");
  CHECK(error_of({"-m", "-1"}) == "option -m: expected a positive numerical parameter");
}

TEST_CASE("long options must be spelled out: no prefix matching") {
  CHECK(error_of({"--verb", "x"}) == "option --verb: is unknown");
  CHECK(error_of({"--prof", "p", "x"}) == "option --prof: is unknown");
}

TEST_CASE("--no- switches booleans off") {
  Parsed parsed = parse({"-v", "--no-verbose", "-L", "--no-location", "--no-progress-meter", "u"});
  REQUIRE(parsed.line.ok());
  CHECK(parsed.line->global.trace_mode == TraceMode::kNone);
  CHECK_FALSE(parsed.line->transfers[0].follow_location);
  CHECK(parsed.line->global.no_progress_meter);
}

TEST_CASE("data options join with & and follow curl's @file rules") {
  Parsed parsed =
      parse({"-d", "a=1", "-d", "@body", "--data-binary", "@body", "--data-raw", "@body", "u"}, {{"body", "x\r\ny\n"}});
  REQUIRE(parsed.line.ok());
  CHECK(parsed.line->transfers[0].post_data == std::string("a=1&xy&x\r\ny\n&@body"));
}

TEST_CASE("--json pieces concatenate without '&'") {
  Parsed parsed = parse({"--json", "{\"a\":", "--json", "1}", "u"});
  REQUIRE(parsed.line.ok());
  CHECK(parsed.line->transfers[0].post_data == std::string("{\"a\":1}"));
  CHECK(parsed.line->transfers[0].json);
}

TEST_CASE("an unreadable -d file warns and makes an empty POST") {
  Parsed parsed = parse({"-d", "@missing", "u"});
  REQUIRE(parsed.line.ok());
  CHECK(parsed.line->transfers[0].post_data == std::string());
  REQUIRE(parsed.warnings.size() == 1);
  CHECK(parsed.warnings[0] == "Couldn't read data from file \"missing\", this makes an empty POST.");
}

TEST_CASE("a file past its read limit is an error naming it, for every option that reads one") {
  const std::map<std::string, std::string> files{{"huge", kTooLarge}, {"long", kLineTooLong}};
  for (const std::string option : {"-d", "--data-binary", "--json", "-H", "--proxy-header"}) {
    Parsed parsed = parse({option, "@huge", "u"}, files);
    REQUIRE_FALSE(parsed.line.ok());
    CHECK(parsed.line.error().exit_code == 26);
    CHECK(parsed.line.error().message == "option " + option + ": huge: larger than 1073741824 bytes");
  }
  Parsed encoded = parse({"--data-urlencode", "name@huge", "u"}, files);
  REQUIRE_FALSE(encoded.line.ok());
  CHECK(encoded.line.error().message == "option --data-urlencode: huge: larger than 1073741824 bytes");
  Parsed etag = parse({"--etag-compare", "huge", "u"}, files);
  REQUIRE_FALSE(etag.line.ok());
  CHECK(etag.line.error().message == "huge: larger than 1073741824 bytes");
  Parsed config = parse({"-K", "huge", "u"}, files);
  REQUIRE_FALSE(config.line.ok());
  CHECK(config.line.error().exit_code == 26);
  CHECK(config.line.error().message == "config file huge: larger than 67108864 bytes");
  Parsed line = parse({"-K", "long", "u"}, files);
  REQUIRE_FALSE(line.line.ok());
  CHECK(line.line.error().message == "config file long: a line longer than 102398 bytes");
  // The -d file's own limit has no line limit: a long line is data.
  CHECK(parse({"-d", "@long", "u"}, files).line.ok());
  Parsed format = parse({"-w", "@huge", "u"}, files);
  REQUIRE(format.line.ok());
  CHECK(format.warnings == std::vector<std::string>{"Failed to read huge: larger than 1073741824 bytes"});
}

TEST_CASE("a file that opens but cannot be read: curl's exit 26 for binary reads, nothing for -d and -K") {
  const std::map<std::string, std::string> files{{"dir", kUnreadable}};
  for (const std::string option : {"--data-binary", "--json", "-H", "--proxy-header"}) {
    Parsed parsed = parse({option, "@dir", "u"}, files);
    REQUIRE_FALSE(parsed.line.ok());
    CHECK(parsed.line.error().exit_code == 26);
    CHECK(parsed.line.error().message == "option " + option + ": error encountered when reading a file");
  }
  for (const std::string value : {"@dir", "name@dir"}) {
    Parsed parsed = parse({"--data-urlencode", value, "u"}, files);
    REQUIRE_FALSE(parsed.line.ok());
    CHECK(parsed.line.error().message == "option --data-urlencode: error encountered when reading a file");
  }
  Parsed ascii = parse({"-d", "@dir", "-K", "dir", "u"}, files);
  REQUIRE(ascii.line.ok());
  CHECK(ascii.line->transfers[0].post_data == std::string());
  CHECK(ascii.warnings.empty());
  Parsed write_out = parse({"-w", "@dir", "u"}, files);
  REQUIRE(write_out.line.ok());
  CHECK(write_out.warnings == std::vector<std::string>{"Failed to read dir"});
}

TEST_CASE("warnings are silenced by an earlier -s only") {
  CHECK(parse({"-s", "-d", "@missing", "u"}).warnings.empty());
  CHECK(parse({"-d", "@missing", "-s", "u"}).warnings.size() == 1);
}

TEST_CASE("-H @file adds one header per non-empty line") {
  Parsed parsed = parse({"-H", "@headers", "u"}, {{"headers", "A: 1\r\n\nB: 2\n"}});
  REQUIRE(parsed.line.ok());
  CHECK(parsed.line->transfers[0].headers == std::vector<std::string>{"A: 1", "B: 2"});
}

TEST_CASE("-w @file reads the format as curl 7.88 does, its line breaks dropped") {
  Parsed parsed = parse({"-w", "@fmt", "u"}, {{"fmt", "A\n%{http_code}\r\nB\n"}});
  REQUIRE(parsed.line.ok());
  CHECK(parsed.line->transfers[0].write_out == std::string("A%{http_code}B"));
}

TEST_CASE("several URLs, --url, and --next groups") {
  Parsed parsed = parse({"-v", "a", "--url", "b", "-H", "X: 1", "--next", "-d", "x", "c", "-:", "d"});
  REQUIRE(parsed.line.ok());
  const auto& transfers = parsed.line->transfers;
  REQUIRE(transfers.size() == 3);
  CHECK(transfers[0].urls == std::vector<std::string>{"a", "b"});
  CHECK(transfers[0].headers.size() == 1);
  CHECK(transfers[1].urls == std::vector<std::string>{"c"});
  CHECK(transfers[1].headers.empty());
  CHECK(transfers[1].post_data == std::string("x"));
  CHECK(parsed.line->global.trace_mode == TraceMode::kVerbose);
}

TEST_CASE("trace options: the last wins, with curl's warning") {
  Parsed parsed = parse({"-v", "--trace-ascii", "-", "u"});
  REQUIRE(parsed.line.ok());
  CHECK(parsed.line->global.trace_mode == TraceMode::kAscii);
  CHECK(parsed.line->global.trace_file == "-");
  CHECK(parsed.warnings == std::vector<std::string>{"--trace-ascii overrides an earlier trace/verbose option"});
  CHECK(parse({"-v", "-v", "u"}).warnings.empty());
}

TEST_CASE("credentials and dbcurl's own options") {
  Parsed parsed = parse(
      {"-u", "token:abc", "--oauth2-bearer", "xyz", "-n", "--netrc-file", "f", "--profile", "prod", "--explain", "u"});
  REQUIRE(parsed.line.ok());
  const TransferConfig& t = parsed.line->transfers[0];
  CHECK(t.user->view() == "token:abc");
  CHECK(t.oauth2_bearer->view() == "xyz");
  CHECK(t.netrc);
  CHECK(t.netrc_file == std::string("f"));
  CHECK(parsed.line->global.profile == std::string("prod"));
  CHECK(parsed.line->global.explain);
}

TEST_CASE("fractional seconds become milliseconds") {
  Parsed parsed = parse({"-m", "1.5", "--connect-timeout", "2", "u"});
  REQUIRE(parsed.line.ok());
  CHECK(parsed.line->transfers[0].max_time_ms == 1500);
  CHECK(parsed.line->transfers[0].connect_timeout_ms == 2000);
  // curl truncates to whole milliseconds and refuses what a long cannot hold.
  Parsed truncated = parse({"-m", "0.0019", "u"});
  REQUIRE(truncated.line.ok());
  CHECK(truncated.line->transfers[0].max_time_ms == 1);
  CHECK(error_of({"-m", "1e300"}) == "option -m: too large number");
  CHECK(error_of({"-m", "1e-400"}) == "option -m: too large number");  // strtod's ERANGE, as curl
  CHECK(error_of({"-m", "1,5"}) == "option -m: expected a proper numerical parameter");
  Parsed strtod_forms = parse({"-m", " 0x10", "--connect-timeout", "nan", "u"});
  REQUIRE(strtod_forms.line.ok());
  CHECK(strtod_forms.line->transfers[0].max_time_ms == 16000);
  CHECK(strtod_forms.line->transfers[0].connect_timeout_ms == 0);
  CHECK(error_of({"--connect-timeout", "9223372036854780"}) == "option --connect-timeout: too large number");
}

TEST_CASE("-O pairs a remote name with its URL; --data-urlencode and --url-query encode as curl") {
  Parsed parsed = parse({"-O", "-o", "x", "--data-urlencode", "a b=c d&e", "--data-urlencode", "=x y",
                         "--data-urlencode", "name@f", "--url-query", "q=a b", "--url-query", "+raw=a b", "u"},
                        {{"f", "v\n"}});
  REQUIRE(parsed.line.ok());
  const TransferConfig& t = parsed.line->transfers[0];
  CHECK(t.outputs == std::vector<std::optional<std::string>>{std::nullopt, "x"});
  CHECK(t.post_data == std::string("a b=c+d%26e&x+y&name=v%0A"));
  CHECK(t.url_queries == std::vector<std::string>{"q=a+b", "raw=a b"});
}

TEST_CASE("sizes, referers, cookies and TLS versions") {
  Parsed parsed = parse({"--limit-rate", "10k", "--max-filesize", "2M", "-e", "https://r/;auto", "-b", "a=1", "-b",
                         "jar.txt", "--tlsv1.2", "--tls-max", "1.3", "--post302", "u"});
  REQUIRE(parsed.line.ok());
  const TransferConfig& t = parsed.line->transfers[0];
  CHECK(t.limit_rate == 10 * 1024);
  CHECK(t.max_filesize == 2 * 1024 * 1024);
  CHECK(t.referer == std::string("https://r/"));
  CHECK(t.auto_referer);
  CHECK(t.cookies == std::vector<std::string>{"a=1"});
  CHECK(t.cookie_files == std::vector<std::string>{"jar.txt"});
  CHECK(t.tls_min == TlsVersion::k12);
  CHECK(t.tls_max == TlsVersion::kMax13);
  CHECK(t.post_redirects == 2);
  CHECK(error_of({"--tls-max", "9", "u"}) == "option --tls-max: is badly used here");
}

TEST_CASE("sizes are read as curl reads them: blanks and '+', one unit letter of G, M, K, B") {
  const auto limit_rate = [](const std::string& value) {
    Parsed parsed = parse({"--limit-rate", value, "u"});
    REQUIRE(parsed.line.ok());
    return parsed.line->transfers.at(0).limit_rate;
  };
  CHECK(limit_rate(" +5") == 5);
  CHECK(limit_rate("3b") == 3);
  CHECK(limit_rate("3B") == 3);
  CHECK(limit_rate("2g") == 2LL << 30);
  CHECK(limit_rate("8589934591G") == 8589934591LL << 30);
  CHECK(limit_rate("010") == 10);
  const auto refused = [](const std::string& option, const std::string& value) {
    Parsed parsed = parse({option, value, "u"});
    REQUIRE_FALSE(parsed.line.ok());
    CHECK(parsed.line.error().exit_code == 2);
    return std::pair(parsed.line.error().message, parsed.warnings);
  };
  using Warnings = std::vector<std::string>;
  const std::string bad_rate = "option --limit-rate: is badly used here";
  for (const std::string value : {"-0", "-1", "", "x", "\n5", "+-5", "99999999999999999999"}) {
    INFO(value);
    CHECK(refused("--limit-rate", value) == std::pair(bad_rate, Warnings{"invalid number specified for rate"}));
  }
  for (const std::string value : {"1t", "1T", "5x", "1kk", "0x10", "1e3", "5 "}) {
    INFO(value);
    CHECK(refused("--limit-rate", value) == std::pair(bad_rate, Warnings{"unsupported rate unit. Use G, M, K or B!"}));
  }
  CHECK(refused("--max-filesize", "1t") == std::pair(std::string("option --max-filesize: is badly used here"),
                                                     Warnings{"unsupported max-filesize unit. Use G, M, K or B!"}));
  CHECK(refused("--max-filesize", "-1") == std::pair(std::string("option --max-filesize: is badly used here"),
                                                     Warnings{"invalid number specified for max-filesize"}));
  CHECK(refused("--max-filesize", "8589934592G") ==
        std::pair(std::string("option --max-filesize: too large number"), Warnings{}));
  CHECK(refused("--max-filesize", "9007199254740992k") ==
        std::pair(std::string("option --max-filesize: too large number"), Warnings{}));
}

TEST_CASE("whole numbers are read with strtol as curl reads them; most refuse a negative number") {
  Parsed parsed = parse({"--retry", " +5", "--keepalive-time", "010", "-y", "-0", "-Y", "7", "--tftp-blksize", "512",
                         "--max-redirs", "-1", "--retry-delay", "3", "--retry-max-time", " 4", "u"});
  REQUIRE(parsed.line.ok());
  const TransferConfig& t = parsed.line->transfers.at(0);
  CHECK(t.retries == 5);
  CHECK(t.keepalive_time == 10);
  CHECK(t.speed_time == 0);
  CHECK(t.speed_limit == 7);
  CHECK(t.tftp_blksize == 512);
  CHECK(t.max_redirects == -1);
  CHECK(t.retry_delay_seconds == 3);
  CHECK(t.retry_max_time_seconds == 4);
  for (const std::string option :
       {"--retry", "--keepalive-time", "--speed-limit", "--speed-time", "-y", "-Y", "--parallel-max", "--retry-delay",
        "--retry-max-time", "--tftp-blksize", "--happy-eyeballs-timeout-ms"}) {
    INFO(option);
    CHECK(error_of({option, "-1"}) == "option " + option + ": expected a positive numerical parameter");
    CHECK(error_of({option, "99999999999999999999"}) == "option " + option + ": too large number");
    CHECK(error_of({option, "-99999999999999999999"}) == "option " + option + ": too large number");
    for (const std::string value : {"", " ", "0x10", "1e3", "5x", "5 ", "+-5"}) {
      INFO(value);
      CHECK(error_of({option, value}) == "option " + option + ": expected a proper numerical parameter");
    }
  }
  CHECK(error_of({"--max-redirs", "1.5"}) == "option --max-redirs: expected a proper numerical parameter");
  CHECK(parse({"--parallel-max", "-0", "u"}).line->global.parallel_max == 50);
  CHECK(parse({"--parallel-max", "+400", "u"}).line->global.parallel_max == 300);
  CHECK(error_of({"--rate", "-2/s"}) == "option --rate: expected a positive numerical parameter");
  CHECK(error_of({"--rate", "00000000000000000000000001/s"}) == "option --rate: too large number");
  CHECK(parse({"--rate", " +2/s", "u"}).line->global.ms_per_transfer == 500);
  CHECK(parse({"--create-file-mode", " +0640", "u"}).line->transfers.at(0).create_file_mode == 0640);
  CHECK(error_of({"--create-file-mode", "77777777777777777777777777"}) ==
        "option --create-file-mode: too large number");
  CHECK(error_of({"--create-file-mode", "1000"}) == "option --create-file-mode: too large number");
  CHECK(error_of({"--create-file-mode", "8"}) == "option --create-file-mode: expected a proper numerical parameter");
}

TEST_CASE("--local-port N or N-M, read as curl reads it") {
  const auto ports = [](const std::string& value) {
    Parsed parsed = parse({"--local-port", value, "u"});
    REQUIRE(parsed.line.ok());
    return std::pair(parsed.line->transfers.at(0).local_port, parsed.line->transfers.at(0).local_port_range);
  };
  CHECK(ports("40000") == std::pair(40000L, 1L));
  CHECK(ports("40000-40100") == std::pair(40000L, 101L));
  CHECK(ports("40000 - 40000") == std::pair(40000L, 1L));
  CHECK(ports("5-10 and more") == std::pair(5L, 6L));  // at most six characters after the dash count
  CHECK(ports("5x") == std::pair(5L, 1L));             // text after the port that is no range is ignored
  CHECK(ports("65535") == std::pair(65535L, 1L));
  for (const std::string value :
       {"70000", "65536", "-1", "5-4", "", " 5", "5 ", "5-", "5-1234567", "5-0x10", "5--6", "99999999999999999999"}) {
    INFO(value);
    CHECK(error_of({"--local-port", value}) == "option --local-port: is badly used here");
  }
}

TEST_CASE("-K files: curl's syntax, unknown options and unreadable files as warnings, limits fatal") {
  Parsed parsed = parse({"-K", "cfg", "u2"}, {{"cfg",
                                               "# comment\n  silent\n--show-error\nfoo\n"
                                               "header = \"X-A: a b\\tc\"\nurl: u1\n-o out\n"
                                               "user-agent unquoted value\n"}});
  REQUIRE(parsed.line.ok());
  const TransferConfig& t = parsed.line->transfers[0];
  CHECK(parsed.line->global.silent);
  CHECK(parsed.line->global.show_error);
  CHECK(t.headers == std::vector<std::string>{"X-A: a b\tc"});
  CHECK(t.urls == std::vector<std::string>{"u1", "u2"});
  CHECK(t.user_agent == std::string("unquoted"));
  CHECK(t.outputs == std::vector<std::optional<std::string>>{"out"});

  Parsed recursive = parse({"-K", "self", "u"}, {{"self", "-H X-Self:1\n-K self\n"}});
  REQUIRE_FALSE(recursive.line.ok());
  CHECK(recursive.line.error().exit_code == 26);
  CHECK(recursive.line.error().message.find("nested more than 16 deep") != std::string::npos);

  Parsed warned = parse({"-K", "cfg", "u"}, {{"cfg", "foo\n"}});
  CHECK(warned.warnings == std::vector<std::string>{"cfg:1: warning: 'foo' is unknown"});
  Parsed missing = parse({"-K", "nope", "u"});
  REQUIRE_FALSE(missing.line.ok());
  CHECK(missing.line.error().exit_code == 26);
  CHECK(missing.line.error().message == "option -K: error encountered when reading a file");
  CHECK(missing.warnings == std::vector<std::string>{"note: cannot read config from 'nope'"});
  CHECK(parse({"-s", "-K", "nope", "u"}).warnings.empty());
  CHECK(parse({"--config", "nope", "u"}).line.error().message ==
        "option --config: error encountered when reading a file");

  // In a config file, a file its line names that cannot be read is curl's warning, and reading goes on.
  Parsed nested = parse({"-K", "outer", "u"},
                        {{"outer", "-K nope\nconfig = nope\nheader = @dir\nuser-agent kept\n"}, {"dir", kUnreadable}});
  REQUIRE(nested.line.ok());
  CHECK(nested.warnings ==
        std::vector<std::string>{
            "note: cannot read config from 'nope'", "outer:1: warning: '-K' error encountered when reading a file",
            "note: cannot read config from 'nope'", "outer:2: warning: 'config' error encountered when reading a file",
            "outer:3: warning: 'header' error encountered when reading a file"});
  CHECK(nested.line->transfers[0].user_agent == std::string("kept"));
}

TEST_CASE("config lines split as curl splits them") {
  const auto split = [](std::string_view text) {
    const std::optional<ConfigLine> line = config_line(text);
    REQUIRE(line.has_value());
    return std::tuple(line->option, line->value, line->text_after_value);
  };
  using Value = std::optional<std::string>;
  for (const std::string_view comment : {"  # c", "", " \t", "/ c", " * c"}) {
    INFO(comment);
    CHECK_FALSE(config_line(comment).has_value());
  }
  CHECK(split("silent") == std::tuple("silent", Value(), false));
  CHECK(split("-s") == std::tuple("-s", Value(), false));
  CHECK(split("url = \"http://x/\"") == std::tuple("url", Value("http://x/"), false));
  CHECK(split("retry::= 3") == std::tuple("retry", Value("3"), false));
  CHECK(split("retry\t\v5 # five") == std::tuple("retry", Value("5"), false));
  CHECK(split("user-agent two words") == std::tuple("user-agent", Value("two"), true));
  CHECK(split("user-agent \"\"") == std::tuple("user-agent", Value(""), false));
  CHECK(split("header \"a\\tb\\\"c\\") == std::tuple("header", Value("a\tb\"c"), false));
  // A dashed option takes no '=' or ':' after its name.
  CHECK(split("--data:a=1") == std::tuple("--data:a=1", Value(), false));
  CHECK(split("-m=2") == std::tuple("-m=2", Value(), false));
}

TEST_CASE("-K files: a line's problem is curl's warning and reading goes on") {
  Parsed parsed = parse({"-K", "cfg", "u"}, {{"cfg",
                                              "retry = -1\n"
                                              "-m=2\n"
                                              "--retry=4\n"
                                              "globoff yes\n"
                                              "connect-timeout\n"
                                              "user-agent two words\n"
                                              "limit-rate 5x\n"
                                              "fail-with-body\n"
                                              "fail\n"
                                              "max-time: 3\n"}});
  REQUIRE(parsed.line.ok());
  const TransferConfig& t = parsed.line->transfers.at(0);
  CHECK(t.urls == std::vector<std::string>{"u"});
  CHECK(t.globoff);
  CHECK(t.user_agent == std::string("two"));
  CHECK(t.max_time_ms == 3000);
  CHECK(t.retries == 0);
  CHECK(t.limit_rate == 0);
  CHECK_FALSE(t.fail);
  CHECK(parsed.warnings == std::vector<std::string>{
                               "cfg:1: warning: 'retry' expected a positive numerical parameter",
                               "cfg:2: warning: '-m=2' expected a proper numerical parameter",
                               "cfg:3: warning: '--retry=4' is unknown",
                               "cfg:4: warning: 'globoff' had unsupported trailing garbage",
                               "cfg:5: warning: 'connect-timeout' requires parameter",
                               "cfg:6: warning: 'user-agent' uses unquoted whitespace in the line that may cause "
                               "side-effects!",
                               "unsupported rate unit. Use G, M, K or B!",
                               "cfg:7: warning: 'limit-rate' is badly used here",
                               "note: You must select either --fail or --fail-with-body, not both.",
                               "cfg:9: warning: 'fail' is badly used here",
                           });
}

TEST_CASE("-F parts and curl's request-method conflicts") {
  const Parsed parsed = parse({"-F", "f=@up.txt;type=text/x;filename=r.txt;headers=X-A: 1", "-F", "c=<in.txt", "-F",
                               "q=\"semi;colon\";type=text/plain", "--form-string", "d=@literal;type=x", "u"});
  const TransferConfig& t = parsed.line->transfers.at(0);
  REQUIRE(t.form.size() == 4);
  const FormPart& file = t.form[0];
  CHECK(file.kind == FormPart::Kind::kFile);
  CHECK(file.value == "up.txt");
  CHECK(file.type == std::string("text/x"));
  CHECK(file.filename == std::string("r.txt"));
  CHECK(file.headers == std::vector<std::string>{"X-A: 1"});
  CHECK(t.form[1].kind == FormPart::Kind::kFileContent);
  CHECK(t.form[2].value == "semi;colon");
  CHECK(t.form[3].value == "@literal;type=x");

  Parsed bad = parse({"-I", "-F", "a=1", "u"});
  REQUIRE_FALSE(bad.line.ok());
  CHECK(bad.line.error().message == "option -F: is badly used here");
  CHECK(bad.warnings == std::vector<std::string>{
                            "You can only select one HTTP request method! You asked for both multipart formpost (-F, "
                            "--form) and HEAD (-I, --head)."});
  Parsed later = parse({"-T", "f", "-d", "x", "u"});
  REQUIRE(later.line.ok());
  CHECK(request_method_conflict(later.line->transfers[0]) ==
        std::string("You can only select one HTTP request method! You asked for both PUT (-T, --upload-file) and "
                    "POST (-d, --data)."));
  Parsed query = parse({"-G", "-d", "x", "-I", "u"});
  CHECK_FALSE(request_method_conflict(query.line->transfers[0]).has_value());
}

TEST_CASE("options the installed libcurl lacks fail as curl's, the rest are recorded") {
  CHECK(error_of({"--dns-servers", "127.0.0.1", "u"}) ==
        "option --dns-servers: the installed libcurl version doesn't support this");
  CHECK(error_of({"--http3", "u"}) == "option --http3: the installed libcurl version doesn't support this");
  CHECK(error_of({"--tlsauthtype", "nope", "u"}) ==
        "option --tlsauthtype: the installed libcurl version doesn't support this");
  Parsed parsed = parse({"--tlsauthtype", "srp", "--tlsuser", "u", "--delegation", "sometimes", "--no-alpn",
                         "--socks5-basic", "--happy-eyeballs-timeout-ms", "50", "--engine", "list", "u"});
  REQUIRE(parsed.line.ok());
  const TransferConfig& t = parsed.line->transfers[0];
  CHECK(t.tls_auth_type == std::string("srp"));
  CHECK(t.tls_user == std::string("u"));
  CHECK(t.gssapi_delegation == GssapiDelegation::kNone);
  CHECK(parsed.warnings == std::vector<std::string>{"unrecognized delegation method 'sometimes', using none"});
  CHECK_FALSE(t.alpn);
  CHECK(t.socks5_auth == CurlAuth::kBasic);
  CHECK(t.happy_eyeballs_timeout_ms == 50L);
  CHECK(parsed.line->global.list_engines);
  CHECK(error_of({"--happy-eyeballs-timeout-ms", "-5", "u"}) ==
        "option --happy-eyeballs-timeout-ms: expected a positive numerical parameter");
}

TEST_CASE("--proto sets follow curl's + - = grammar") {
  const std::vector<std::string> known{"dict", "ftp", "HTTP", "https"};
  const std::vector<std::string> all = known;
  std::vector<std::string> warnings;
  const auto sink = [&](std::string_view text) { warnings.emplace_back(text); };
  CHECK(protocol_set("=https", all, known, sink) == std::string("https"));
  CHECK(protocol_set("-all,https", all, known, sink) == std::string("https"));
  CHECK(protocol_set("all,-http", all, known, sink) == std::string("dict,ftp,https"));
  CHECK(protocol_set("-all", all, known, sink) == std::string());
  CHECK(protocol_set(",,", all, known, sink) == std::string("dict,ftp,HTTP,https"));
  CHECK(protocol_set("=http,=https", all, known, sink) == std::string("https"));
  CHECK(protocol_set("+dict", std::vector<std::string>{"ftp"}, known, sink) == std::string("dict,ftp"));
  CHECK(warnings.empty());
  CHECK(protocol_set("=gopher", all, known, sink) == std::string());
  CHECK(warnings == std::vector<std::string>{"unrecognized protocol 'gopher'"});
  CHECK_FALSE(protocol_set("!x", all, known, sink));
  CHECK_FALSE(protocol_set("=", all, known, sink));
}

TEST_CASE("--help takes the next word as its category and ends the command line, as curl") {
  Parsed parsed = parse({"-s", "--help", "-v", "--bogus"});
  REQUIRE(parsed.line.ok());
  CHECK(parsed.line->global.show_help);
  CHECK(parsed.line->global.help_category == "-v");
  CHECK(parsed.line->global.trace_mode == TraceMode::kNone);

  Parsed last = parse({"-h"});
  REQUIRE(last.line.ok());
  CHECK(last.line->global.show_help);
  CHECK_FALSE(last.line->global.help_category.has_value());
}

TEST_CASE("FTP, mail, SSH and TFTP options read as curl reads them") {
  Parsed parsed = parse({"-Q",
                         "NOOP",
                         "-Q",
                         "-DELE f",
                         "-Q",
                         "+PWD",
                         "--mail-rcpt",
                         "a@b",
                         "--mail-rcpt",
                         "c@d",
                         "--ftp-method",
                         "nocwd",
                         "--create-file-mode",
                         "0640",
                         "-P",
                         "-",
                         "--ftp-pasv",
                         "-alB",
                         "--no-ftp-skip-pasv-ip",
                         "--no-epsv",
                         "--ftp-ssl-ccc",
                         "ftp://h/"});
  REQUIRE(parsed.line.ok());
  const TransferConfig& t = parsed.line->transfers.at(0);
  CHECK(t.quote == std::vector<std::string>{"NOOP"});
  CHECK(t.postquote == std::vector<std::string>{"DELE f"});
  CHECK(t.prequote == std::vector<std::string>{"PWD"});
  CHECK(t.mail_recipients == std::vector<std::string>{"a@b", "c@d"});
  CHECK(t.ftp_method == FtpMethod::kNoCwd);
  CHECK(t.create_file_mode == 0640);
  CHECK_FALSE(t.ftp_port);  // --ftp-pasv undoes -P
  CHECK(t.ftp_append);
  CHECK(t.list_only);
  CHECK(t.use_ascii);
  CHECK_FALSE(t.ftp_skip_pasv_ip);
  CHECK(t.disable_epsv);
  CHECK(t.ftp_ssl_ccc_mode == FtpCcc::kPassive);
  CHECK(parsed.warnings.empty());
  CHECK(parse({"ftp://h/"}).line->transfers.at(0).ftp_skip_pasv_ip);  // curl's default

  CHECK(parse({"--ftp-method", "sideways", "ftp://h/"}).warnings ==
        std::vector<std::string>{"unrecognized ftp file method 'sideways', using default"});
  CHECK(parse({"--ssl", "ftp://h/"}).warnings ==
        std::vector<std::string>{"--ssl is an insecure option, consider --ssl-reqd instead"});
  CHECK(error_of({"--create-file-mode", "1000"}) == "option --create-file-mode: too large number");
  CHECK(error_of({"--create-file-mode", "8"}) == "option --create-file-mode: expected a proper numerical parameter");
  CHECK(error_of({"--hostpubmd5", "abc"}) == "option --hostpubmd5: is badly used here");
}

TEST_CASE("--no-remote-name takes an output slot for stdout") {
  Parsed parsed = parse({"--remote-name-all", "--no-remote-name", "http://h/a", "http://h/b"});
  REQUIRE(parsed.line.ok());
  CHECK(parsed.line->transfers.at(0).outputs == std::vector<std::optional<std::string>>{"-"});
}

TEST_CASE("-F grammar as curl's: quotes, escapes, several files, type parameters, nesting") {
  Parsed parsed =
      parse({"-F", "f=@\"a,b;.txt\";filename=\"x\\\\y\\\"z\"", "-F", "g=@a;type=m/f,\"b\",c", "-F",
             "h= <b>hi</b>;type=text/html;charset=moo", "-F", "t=v; type=text/foo; charset=utf-8 ; filename=p", "-F",
             "=anonymous", "-F", "m=(;type=multipart/alternative", "-F", "in=1", "-F", "=)", "-F", "last=2", "u"});
  REQUIRE(parsed.line.ok());
  const std::vector<FormPart>& form = parsed.line->transfers.at(0).form;
  REQUIRE(form.size() == 7);
  CHECK(form[0].value == "a,b;.txt");
  CHECK(form[0].filename == std::string("x\\y\"z"));
  CHECK(form[1].kind == FormPart::Kind::kParts);
  REQUIRE(form[1].subparts.size() == 3);
  CHECK(form[1].subparts[0].type == std::string("m/f"));
  CHECK(form[1].subparts[1].value == "b");
  CHECK(form[1].subparts[2].value == "c");
  CHECK(form[2].value == "<b>hi</b>");
  CHECK(form[2].type == std::string("text/html;charset=moo"));
  CHECK(form[3].type == std::string("text/foo; charset=utf-8"));
  CHECK(form[3].filename == std::string("p"));
  CHECK_FALSE(form[4].name);
  CHECK(form[5].type == std::string("multipart/alternative"));
  REQUIRE(form[5].subparts.size() == 1);
  CHECK(form[5].subparts[0].name == std::string("in"));
  CHECK(form[6].name == std::string("last"));
  CHECK(parsed.warnings.empty());

  CHECK(error_of({"-F", "=)"}) == "option -F: is badly used here");
  CHECK(error_of({"-F", "a=b;type=nonsense"}) == "option -F: is badly used here");
  CHECK(parse({"-F", "a=\"q\"x;y=1", "u"}).warnings ==
        std::vector<std::string>{"Trailing data after quoted form parameter", "skip unknown form field: y=1"});
}

TEST_CASE("-r without a dash gets one, as curl appends it") {
  Parsed parsed = parse({"-r", "4", "u"});
  REQUIRE(parsed.line.ok());
  CHECK(parsed.line->transfers.at(0).range == std::string("4-"));
  CHECK(parsed.warnings ==
        std::vector<std::string>{"A specified range MUST include at least one dash (-). Appending one for you!"});
  CHECK(parse({"-r", "1-2,5-", "u"}).line->transfers.at(0).range == std::string("1-2,5-"));
  CHECK(error_of({"--range", "99999999999999999999"}) == "option --range: is badly used here");
}

TEST_CASE("-C and --retry-delay values checked as curl checks them") {
  CHECK(parse({"-C", " +5", "u"}).line->transfers.at(0).continue_at == std::string("5"));
  // curl reads the offset with strtol in any base after refusing a leading '-'.
  CHECK(parse({"-C", "0x10", "u"}).line->transfers.at(0).continue_at == std::string("16"));
  CHECK(parse({"-C", "010", "u"}).line->transfers.at(0).continue_at == std::string("8"));
  CHECK(error_of({"-C", "-0"}) == "option -C: expected a positive numerical parameter");
  CHECK(error_of({"-C", "99999999999999999999"}) == "option -C: too large number");
  CHECK(error_of({"-C", "wrong"}) == "option -C: expected a proper numerical parameter");  // curl test 1409
  CHECK(error_of({"-C", "-5"}) == "option -C: expected a positive numerical parameter");
  CHECK(error_of({"--retry-delay", "9223372036854776"}) == "option --retry-delay: too large number");  // test 1269
  CHECK(error_of({"--retry-max-time", "9223372036854776"}) == "option --retry-max-time: too large number");
}

TEST_CASE("a file name that looks like an option warns, as curl's (curl test 1268)") {
  Parsed flagged = parse({"--unix-socket", "-k", "-o-x", "u"});
  REQUIRE(flagged.line.ok());
  CHECK(flagged.warnings == std::vector<std::string>{"The file name argument '-k' looks like a flag.",
                                                     "The file name argument '-x' looks like a flag."});
  // "-" is standard output; a value that is not a file name never warns.
  Parsed plain = parse({"-o", "-", "-H", "-k: v", "-d", "-x", "u"});
  REQUIRE(plain.line.ok());
  CHECK(plain.warnings.empty());
  // -s (before) silences it, as curl's warnings.
  CHECK(parse({"-s", "--trace", "-k", "u"}).warnings.empty());
}

TEST_CASE("--stderr takes effect as it is read, so later warnings go there (curl test 1268)") {
  Parsed parsed = parse({"-o", "-a", "--stderr", "log", "--unix-socket", "-k", "--stderr", "unwritable", "u"});
  REQUIRE(parsed.line.ok());
  CHECK(parsed.warnings == std::vector<std::string>{"The file name argument '-a' looks like a flag.", "stderr: log",
                                                    "The file name argument '-k' looks like a flag.",
                                                    "stderr: unwritable", "Failed to open unwritable!"});
}

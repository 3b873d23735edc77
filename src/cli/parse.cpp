#include "cli/parse.hpp"

#include <charconv>
#include <cmath>

#include "cli/option_table.hpp"

namespace dbcurl {

namespace {

Error option_error(std::string_view word, std::string_view reason) {
  return make_error(exit_code::kUsage, "option " + std::string(word) + ": " + std::string(reason));
}

// curl's "<fractional seconds>" values, as milliseconds.
Result<long> parse_seconds(std::string_view word, const std::string& value) {
  double seconds = 0;
  const char* end = value.data() + value.size();
  const auto [ptr, ec] = std::from_chars(value.data(), end, seconds);
  if (ec != std::errc{} || ptr != end || !std::isfinite(seconds)) {
    return option_error(word, "expected a proper numerical parameter");
  }
  if (seconds < 0) return option_error(word, "expected a positive numerical parameter");
  return static_cast<long>(std::llround(seconds * 1000.0));
}

Error fail_conflict(std::string_view word) {
  return make_error(exit_code::kUsage, "You must select either --fail or --fail-with-body, not both.\noption " +
                                           std::string(word) + ": is badly used here");
}

// curl's <num> values: a whole number, -1 meaning unlimited where curl allows it.
Result<long> parse_whole_number(std::string_view word, const std::string& value) {
  long number = 0;
  const char* end = value.data() + value.size();
  const auto [ptr, ec] = std::from_chars(value.data(), end, number);
  if (ec != std::errc{} || ptr != end) return option_error(word, "expected a proper numerical parameter");
  return number;
}

Status set_count(std::string_view word, const std::string& value, long& target) {
  Result<long> count = parse_whole_number(word, value);
  if (!count) return count.error();
  target = *count;
  return Ok{};
}

void append_data(TransferConfig& transfer, std::string piece, bool json_piece) {
  if (!transfer.post_data) {
    transfer.post_data = std::move(piece);
  } else {
    if (!json_piece) *transfer.post_data += '&';
    *transfer.post_data += piece;
  }
}

class Parser {
 public:
  Parser(const std::vector<std::string>& args, const ParseContext& context) : args_(args), context_(context) {
    line_.transfers.emplace_back();
  }

  Result<CommandLine> run() {
    bool options_ended = false;
    for (index_ = 0; index_ < args_.size(); ++index_) {
      const std::string& word = args_[index_];
      if (options_ended || word.size() < 2 || word[0] != '-') {
        if (!options_ended && word == "-") return option_error(word, "is unknown");
        transfer().urls.push_back(word);
      } else if (word == "--") {
        options_ended = true;
      } else {
        const Status status = word[1] == '-' ? long_option(word) : short_options(word);
        if (!status) return status.error();
      }
    }
    return std::move(line_);
  }

 private:
  TransferConfig& transfer() { return line_.transfers.back(); }

  void warn(std::string_view text) const {
    if (!line_.global.silent && context_.warn) context_.warn(text);
  }

  Status long_option(const std::string& word) {
    std::string_view name = std::string_view(word).substr(2);
    const bool negated = name.starts_with("no-");
    if (negated) name.remove_prefix(3);
    const OptionSpec* spec = find_long_option(name);
    if (spec == nullptr) return option_error(word, "is unknown");
    if (negated && spec->kind != ArgKind::kBool) {
      return option_error(word, "used '--no-' for option that isn't a boolean");
    }
    if (spec->kind != ArgKind::kValue) return apply(*spec, word, {}, !negated);
    if (index_ + 1 >= args_.size()) return option_error(word, "requires parameter");
    return apply(*spec, word, args_[++index_], true);
  }

  Status short_options(const std::string& word) {
    for (std::size_t pos = 1; pos < word.size(); ++pos) {
      const OptionSpec* spec = find_short_option(word[pos]);
      if (spec == nullptr) return option_error(word, "is unknown");
      if (spec->kind != ArgKind::kValue) {
        if (Status status = apply(*spec, word, {}, true); !status) return status;
        continue;
      }
      if (pos + 1 < word.size()) return apply(*spec, word, word.substr(pos + 1), true);
      if (index_ + 1 >= args_.size()) return option_error(word, "requires parameter");
      return apply(*spec, word, args_[++index_], true);
    }
    return Ok{};
  }

  // The one place where an option's meaning lives.
  Status apply(const OptionSpec& spec, std::string_view word, const std::string& value, bool on) {
    GlobalConfig& global = line_.global;
    TransferConfig& t = transfer();
    const auto warn_sink = [this](std::string_view text) { warn(text); };
    switch (spec.id) {
      case OptionId::kCacert: t.cacert = value; break;
      case OptionId::kCapath: t.capath = value; break;
      case OptionId::kCompressed: t.compressed = on; break;
      case OptionId::kConnectTimeout: {
        Result<long> ms = parse_seconds(word, value);
        if (!ms) return ms.error();
        t.connect_timeout_ms = *ms;
        break;
      }
      case OptionId::kData:
      case OptionId::kDataAscii:
        append_data(t, data_option_value(value, DataKind::kAscii, context_.read_file, warn_sink), false);
        break;
      case OptionId::kDataBinary:
        append_data(t, data_option_value(value, DataKind::kBinary, context_.read_file, warn_sink), false);
        break;
      case OptionId::kDataRaw:
        append_data(t, data_option_value(value, DataKind::kRaw, context_.read_file, warn_sink), false);
        break;
      case OptionId::kJson:
        append_data(t, data_option_value(value, DataKind::kBinary, context_.read_file, warn_sink), t.json);
        t.json = true;
        break;
      case OptionId::kDisable: break;  // only meaningful as the first argument, before any .curlrc
      case OptionId::kExplain: global.explain = on; break;
      case OptionId::kFail:
        if (on && t.fail_with_body) return fail_conflict(word);
        t.fail = on;
        break;
      case OptionId::kFailEarly: global.fail_early = on; break;
      case OptionId::kFailWithBody:
        if (on && t.fail) return fail_conflict(word);
        t.fail_with_body = on;
        break;
      case OptionId::kGet: t.get_query = on; break;
      case OptionId::kGlobOff: t.globoff = on; break;
      case OptionId::kHead: t.head = on; break;
      case OptionId::kHeader:
        for (std::string& header : header_option_values(value, context_.read_file, warn_sink)) {
          t.headers.push_back(std::move(header));
        }
        break;
      case OptionId::kHelp: global.show_help = on; break;
      case OptionId::kInclude: t.include_headers = on; break;
      case OptionId::kInsecure: t.insecure = on; break;
      case OptionId::kListApiPaths: global.list_api_paths = on; break;
      case OptionId::kListProfiles: global.list_profiles = on; break;
      case OptionId::kLocation: t.follow_location = on; break;
      case OptionId::kLocationTrusted:
        t.follow_location = on;
        t.location_trusted = on;
        break;
      case OptionId::kManual: global.show_manual = on; break;
      case OptionId::kMaxRedirs:
        if (Status status = set_count(word, value, t.max_redirects); !status) return status;
        break;
      case OptionId::kMaxTime: {
        Result<long> ms = parse_seconds(word, value);
        if (!ms) return ms.error();
        t.max_time_ms = *ms;
        break;
      }
      case OptionId::kNetrc: t.netrc = on; break;
      case OptionId::kNetrcFile: t.netrc_file = value; break;
      case OptionId::kNetrcOptional: t.netrc_optional = on; break;
      case OptionId::kNext: line_.transfers.emplace_back(); break;
      case OptionId::kProgressMeter: global.no_progress_meter = !on; break;
      case OptionId::kOauth2Bearer: t.oauth2_bearer.emplace(value); break;
      case OptionId::kOutput: t.outputs.push_back(value); break;
      case OptionId::kPaginate: t.paginate = on; break;
      case OptionId::kPaginateMax:
        if (Status status = set_count(word, value, t.paginate_max); !status) return status;
        break;
      case OptionId::kProfile: global.profile = value; break;
      case OptionId::kRequest: t.method = value; break;
      case OptionId::kRetry:
        if (Status status = set_count(word, value, t.retries); !status) return status;
        break;
      case OptionId::kRetryAllErrors: t.retry_all_errors = on; break;
      case OptionId::kRetryConnrefused: t.retry_connection_refused = on; break;
      case OptionId::kRetryDelay:
        if (Status status = set_count(word, value, t.retry_delay_seconds); !status) return status;
        break;
      case OptionId::kRetryMaxTime:
        if (Status status = set_count(word, value, t.retry_max_time_seconds); !status) return status;
        break;
      case OptionId::kShowError: global.show_error = on; break;
      case OptionId::kSilent: global.silent = on; break;
      case OptionId::kStderr: global.stderr_file = value; break;
      case OptionId::kTrace: set_trace(TraceMode::kBinary, "--trace", value); break;
      case OptionId::kTraceAscii: set_trace(TraceMode::kAscii, "--trace-ascii", value); break;
      case OptionId::kTraceTime: global.trace_time = on; break;
      case OptionId::kUrl: t.urls.push_back(value); break;
      case OptionId::kUser: t.user.emplace(value); break;
      case OptionId::kUserAgent: t.user_agent = value; break;
      case OptionId::kVerbose:
        if (on)
          set_trace(TraceMode::kVerbose, "-v, --verbose", "%");
        else
          global.trace_mode = TraceMode::kNone;
        break;
      case OptionId::kVersion: global.show_version = on; break;
      case OptionId::kWriteOut: t.write_out = write_out_option_value(value, context_.read_file, warn_sink); break;
    }
    return Ok{};
  }

  void set_trace(TraceMode mode, std::string_view name, const std::string& file) {
    GlobalConfig& global = line_.global;
    if (global.trace_mode != TraceMode::kNone && global.trace_mode != mode) {
      warn(std::string(name) + " overrides an earlier trace/verbose option");
    }
    global.trace_mode = mode;
    global.trace_file = file;
  }

  const std::vector<std::string>& args_;
  const ParseContext& context_;
  CommandLine line_;
  std::size_t index_ = 0;
};

}  // namespace

Result<CommandLine> parse_command_line(const std::vector<std::string>& args, const ParseContext& context) {
  return Parser(args, context).run();
}

}  // namespace dbcurl

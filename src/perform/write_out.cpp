#include "perform/write_out.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "common/redact.hpp"
#include "common/strings.hpp"

namespace dbcurl {

namespace {

enum class Kind { kString, kLong, kOffset, kTime, kHttpCode, kHttpVersion, kSpecial };

struct Variable {
  std::string_view name;
  Kind kind;
  CURLINFO info;  // unused for kSpecial
  bool in_json;
};

// Alphabetical, as %{json} lists them.
constexpr std::array kVariables = {
    Variable{"certs", Kind::kSpecial, CURLINFO_NONE, true},
    Variable{"content_type", Kind::kString, CURLINFO_CONTENT_TYPE, true},
    Variable{"errormsg", Kind::kSpecial, CURLINFO_NONE, true},
    Variable{"exitcode", Kind::kSpecial, CURLINFO_NONE, true},
    Variable{"filename_effective", Kind::kSpecial, CURLINFO_NONE, true},
    Variable{"ftp_entry_path", Kind::kString, CURLINFO_FTP_ENTRY_PATH, true},
    Variable{"header_json", Kind::kSpecial, CURLINFO_NONE, false},
    Variable{"http_code", Kind::kHttpCode, CURLINFO_RESPONSE_CODE, true},
    Variable{"http_connect", Kind::kHttpCode, CURLINFO_HTTP_CONNECTCODE, true},
    Variable{"http_version", Kind::kHttpVersion, CURLINFO_HTTP_VERSION, true},
    Variable{"json", Kind::kSpecial, CURLINFO_NONE, false},
    Variable{"local_ip", Kind::kString, CURLINFO_LOCAL_IP, true},
    Variable{"local_port", Kind::kLong, CURLINFO_LOCAL_PORT, true},
    Variable{"method", Kind::kString, CURLINFO_EFFECTIVE_METHOD, true},
    Variable{"num_certs", Kind::kSpecial, CURLINFO_NONE, true},
    Variable{"num_connects", Kind::kLong, CURLINFO_NUM_CONNECTS, true},
    Variable{"num_headers", Kind::kSpecial, CURLINFO_NONE, true},
    Variable{"num_redirects", Kind::kLong, CURLINFO_REDIRECT_COUNT, true},
    Variable{"onerror", Kind::kSpecial, CURLINFO_NONE, false},
    Variable{"proxy_ssl_verify_result", Kind::kLong, CURLINFO_PROXY_SSL_VERIFYRESULT, true},
    Variable{"redirect_url", Kind::kString, CURLINFO_REDIRECT_URL, true},
    Variable{"referer", Kind::kString, CURLINFO_REFERER, true},
    Variable{"remote_ip", Kind::kString, CURLINFO_PRIMARY_IP, true},
    Variable{"remote_port", Kind::kLong, CURLINFO_PRIMARY_PORT, true},
    Variable{"response_code", Kind::kHttpCode, CURLINFO_RESPONSE_CODE, true},
    Variable{"scheme", Kind::kString, CURLINFO_SCHEME, true},
    Variable{"size_download", Kind::kOffset, CURLINFO_SIZE_DOWNLOAD_T, true},
    Variable{"size_header", Kind::kLong, CURLINFO_HEADER_SIZE, true},
    Variable{"size_request", Kind::kLong, CURLINFO_REQUEST_SIZE, true},
    Variable{"size_upload", Kind::kOffset, CURLINFO_SIZE_UPLOAD_T, true},
    Variable{"speed_download", Kind::kOffset, CURLINFO_SPEED_DOWNLOAD_T, true},
    Variable{"speed_upload", Kind::kOffset, CURLINFO_SPEED_UPLOAD_T, true},
    Variable{"ssl_verify_result", Kind::kLong, CURLINFO_SSL_VERIFYRESULT, true},
    Variable{"stderr", Kind::kSpecial, CURLINFO_NONE, false},
    Variable{"stdout", Kind::kSpecial, CURLINFO_NONE, false},
    Variable{"time_appconnect", Kind::kTime, CURLINFO_APPCONNECT_TIME_T, true},
    Variable{"time_connect", Kind::kTime, CURLINFO_CONNECT_TIME_T, true},
    Variable{"time_namelookup", Kind::kTime, CURLINFO_NAMELOOKUP_TIME_T, true},
    Variable{"time_pretransfer", Kind::kTime, CURLINFO_PRETRANSFER_TIME_T, true},
    Variable{"time_redirect", Kind::kTime, CURLINFO_REDIRECT_TIME_T, true},
    Variable{"time_starttransfer", Kind::kTime, CURLINFO_STARTTRANSFER_TIME_T, true},
    Variable{"time_total", Kind::kTime, CURLINFO_TOTAL_TIME_T, true},
    Variable{"url", Kind::kSpecial, CURLINFO_NONE, true},
    Variable{"url_effective", Kind::kString, CURLINFO_EFFECTIVE_URL, true},
    Variable{"urlnum", Kind::kSpecial, CURLINFO_NONE, true},
};

const Variable* find_variable(std::string_view name) {
  for (const auto& variable : kVariables) {
    if (variable.name == name) return &variable;
  }
  return nullptr;
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
          out += escaped;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

long count_headers(CURL* easy) {
  long count = 0;
  for (curl_header* header = curl_easy_nextheader(easy, CURLH_HEADER, -1, nullptr); header != nullptr;
       header = curl_easy_nextheader(easy, CURLH_HEADER, -1, header)) {
    ++count;
  }
  return count;
}

std::string header_json(CURL* easy) {
  std::string out = "{";
  bool first = true;
  for (curl_header* header = curl_easy_nextheader(easy, CURLH_HEADER, -1, nullptr); header != nullptr;
       header = curl_easy_nextheader(easy, CURLH_HEADER, -1, header)) {
    if (header->index != 0) continue;  // repeated names are listed with their first occurrence
    if (!first) out += ",\n";
    first = false;
    std::string name = header->name;
    for (char& c : name) c = ascii_lower(c);
    out += json_string(name) + ":[";
    for (std::size_t i = 0; i < header->amount; ++i) {
      curl_header* same = nullptr;
      if (curl_easy_header(easy, header->name, i, CURLH_HEADER, -1, &same) != CURLHE_OK) break;
      out += (i ? "," : "") + json_string(same->value);
    }
    out += "]";
  }
  return out + "\n}";
}

// The value of a variable: the text and whether it is a JSON string (quoted) or
// null. For plain -w output, null prints as nothing.
struct Value {
  std::optional<std::string> text;
  bool quoted = false;
};

// Where a value goes: HTTP codes are zero-padded ("000") in plain -w output
// only; inside %{json} they are JSON numbers, as curl writes them.
enum class Destination { kPlain, kJson };

Value value_of(const Variable& variable, const WriteOutFacts& facts, Destination destination) {
  CURL* easy = facts.easy;
  switch (variable.kind) {
    case Kind::kString: {
      const char* text = nullptr;
      if (curl_easy_getinfo(easy, variable.info, &text) != CURLE_OK || text == nullptr) return {std::nullopt, true};
      return {facts.secrets.redact_text(text), true};
    }
    case Kind::kLong: {
      long number = 0;
      curl_easy_getinfo(easy, variable.info, &number);
      return {std::to_string(number), false};
    }
    case Kind::kOffset: {
      curl_off_t number = 0;
      curl_easy_getinfo(easy, variable.info, &number);
      return {std::to_string(number), false};
    }
    case Kind::kTime: {
      curl_off_t micros = 0;
      curl_easy_getinfo(easy, variable.info, &micros);
      char text[64];
      std::snprintf(text, sizeof text, "%lld.%06lld", static_cast<long long>(micros / 1000000),
                    static_cast<long long>(micros % 1000000));
      return {text, false};
    }
    case Kind::kHttpCode: {
      long code = 0;
      curl_easy_getinfo(easy, variable.info, &code);
      char text[16];
      std::snprintf(text, sizeof text, destination == Destination::kJson ? "%ld" : "%03ld", code);
      return {text, false};
    }
    case Kind::kHttpVersion: {
      long version = 0;
      curl_easy_getinfo(easy, variable.info, &version);
      const char* text = version == CURL_HTTP_VERSION_1_0   ? "1"  // curl 7.88 says "1" for HTTP/1.0
                         : version == CURL_HTTP_VERSION_1_1 ? "1.1"
                         : version == CURL_HTTP_VERSION_2_0 ? "2"
                         : version == CURL_HTTP_VERSION_3   ? "3"
                                                            : "0";
      return {text, true};
    }
    case Kind::kSpecial: break;
  }
  const std::string_view name = variable.name;
  if (name == "errormsg") {
    if (facts.error_message.empty()) return {std::nullopt, true};
    return {facts.secrets.redact_text(facts.error_message), true};
  }
  if (name == "exitcode") return {std::to_string(facts.exit_code), false};
  if (name == "filename_effective") {
    if (facts.filename_effective.empty()) return {std::nullopt, true};
    return {facts.filename_effective, true};
  }
  if (name == "url") return {facts.secrets.redact_text(facts.url), true};
  if (name == "urlnum") return {std::to_string(facts.url_index), false};
  if (name == "num_headers") return {std::to_string(count_headers(easy)), false};
  if (name == "num_certs" || name == "certs") {
    curl_certinfo* certs = nullptr;
    curl_easy_getinfo(easy, CURLINFO_CERTINFO, &certs);
    const int count = certs == nullptr ? 0 : certs->num_of_certs;
    if (name == "num_certs") return {std::to_string(count), false};
    std::string text;
    // As curl prints them: the PEM without its "Cert:" label, each field on a line of its own.
    for (int i = 0; i < count; ++i) {
      for (curl_slist* item = certs->certinfo[i]; item != nullptr; item = item->next) {
        const std::string_view field = item->data;
        text += iequals(field.substr(0, 5), "cert:") ? field.substr(5) : field;
        if (!text.empty() && text.back() != '\n') text += '\n';
      }
    }
    return {text, true};
  }
  if (name == "header_json") return {header_json(easy), false};
  return {std::nullopt, false};
}

std::string json_document(const WriteOutFacts& facts) {
  std::string out = "{";
  for (const auto& variable : kVariables) {
    if (!variable.in_json) continue;
    const Value value = value_of(variable, facts, Destination::kJson);
    out += json_string(variable.name) + ":";
    if (!value.text)
      out += "null";
    else
      out += value.quoted ? json_string(*value.text) : *value.text;
    out += ",";
  }
  out += "\"curl_version\":" + json_string(curl_version()) + "}";
  return out;
}

}  // namespace

void write_out(std::string_view format, const WriteOutFacts& facts, std::FILE* out, std::FILE* err,
               const WarningSink& unknown_variable) {
  std::FILE* stream = out;
  std::string pending;
  const auto flush = [&] {
    std::fwrite(pending.data(), 1, pending.size(), stream);
    pending.clear();
  };
  for (std::size_t pos = 0; pos < format.size();) {
    const char c = format[pos];
    if (c == '\\' && pos + 1 < format.size()) {
      const char next = format[pos + 1];
      if (next == 'n')
        pending += '\n';
      else if (next == 'r')
        pending += '\r';
      else if (next == 't')
        pending += '\t';
      else
        pending += format.substr(pos, 2);
      pos += 2;
      continue;
    }
    if (c != '%' || pos + 1 >= format.size()) {
      pending += c;
      ++pos;
      continue;
    }
    if (format[pos + 1] == '%') {
      pending += '%';
      pos += 2;
      continue;
    }
    const bool header_form = format.substr(pos + 1).starts_with("header{");
    const std::size_t open = header_form ? pos + 7 : pos + 1;
    const std::size_t close = format.find('}', open);
    if (format[open] != '{' || close == std::string_view::npos) {
      pending += format.substr(pos, 2);
      pos += 2;
      continue;
    }
    const std::string name(format.substr(open + 1, close - open - 1));
    pos = close + 1;
    if (header_form) {
      curl_header* header = nullptr;
      if (curl_easy_header(facts.easy, name.c_str(), 0, CURLH_HEADER, -1, &header) == CURLHE_OK)
        pending += header->value;
      continue;
    }
    const Variable* variable = find_variable(name);
    if (variable == nullptr) {
      unknown_variable(name);
    } else if (name == "onerror") {
      if (facts.exit_code == 0) break;
    } else if (name == "stdout" || name == "stderr") {
      flush();
      stream = name == "stdout" ? out : err;
    } else if (name == "json") {
      pending += json_document(facts);
    } else {
      pending += value_of(*variable, facts, Destination::kPlain).text.value_or("");
    }
  }
  flush();
  std::fflush(stream);
}

}  // namespace dbcurl

#include "cli/help.hpp"

#include <algorithm>

namespace dbcurl {

namespace {

// Booleans whose useful form is the --no- one, as curl documents them.
bool documented_negated(const OptionSpec& spec) {
  using enum OptionId;
  return spec.id == kProgressMeter || spec.id == kAlpn || spec.id == kNpn || spec.id == kSessionid ||
         spec.id == kBuffer || spec.id == kClobber;
}

std::string usage_column(const OptionSpec& spec) {
  std::string column = spec.short_name != '\0' ? std::string(" -") + spec.short_name + ", " : std::string("     ");
  column += option_display_name(spec);
  if (!spec.value_name.empty()) {
    column += ' ';
    column += spec.value_name;
  }
  return column;
}

void append_rows(std::string& out, bool dbcurl_own) {
  std::size_t width = 0;
  for (const auto& spec : option_table()) width = std::max(width, usage_column(spec).size());
  for (const auto& spec : option_table()) {
    if (spec.dbcurl_own != dbcurl_own) continue;
    std::string column = usage_column(spec);
    column.resize(width + 2, ' ');
    out += column;
    out += spec.help;
    out += '\n';
  }
}

}  // namespace

std::string option_display_name(const OptionSpec& spec) {
  return std::string(documented_negated(spec) ? "--no-" : "--") + std::string(spec.long_name);
}

std::string help_text(std::string_view program_name) {
  std::string out = "Usage: " + std::string(program_name) + " [options...] <url>\n";
  out += "curl's command line with Databricks authentication built in.\n";
  out += "A URL may be a path (/api/2.0/clusters/list): the workspace is resolved.\n\n";
  out += "Databricks options:\n";
  append_rows(out, true);
  out += "\ncurl options:\n";
  append_rows(out, false);
  return out;
}

}  // namespace dbcurl

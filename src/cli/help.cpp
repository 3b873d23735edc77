#include "cli/help.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "cli/help_categories.hpp"
#include "common/strings.hpp"

namespace dbcurl {

namespace {

constexpr std::string_view kDatabricks = "databricks";
constexpr std::string_view kDatabricksDescription = "Databricks workspace and token (a URL may be a path: /api/...)";

// curl's option column: " -d, --data <data>" or "     --anyauth".
std::string option_column(const OptionSpec& spec) {
  std::string column = spec.short_name != '\0' ? std::string("-") + spec.short_name + ", " : std::string("    ");
  column += option_display_name(spec);
  if (!spec.value_name.empty()) {
    column += ' ';
    column += spec.value_name;
  }
  return column;
}

// curl's layout: the option column as wide as its widest entry, unless that
// makes a line longer than 80 with the longest description; sorted by name.
std::string rows(std::vector<const OptionSpec*> specs) {
  std::ranges::sort(specs, {}, [](const OptionSpec* spec) { return option_display_name(*spec); });
  std::size_t column_width = 5;
  std::size_t help_width = 5;
  for (const OptionSpec* spec : specs) {
    column_width = std::max(column_width, option_column(*spec).size());
    help_width = std::max(help_width, spec->help.size());
  }
  if (column_width + help_width > 80) column_width = 80 - help_width;
  std::string out;
  for (const OptionSpec* spec : specs) {
    std::string column = option_column(*spec);
    if (column.size() < column_width) column.resize(column_width, ' ');
    out += ' ' + column + ' ' + std::string(spec->help) + '\n';
  }
  return out;
}

std::vector<const OptionSpec*> specs_where(auto&& predicate) {
  std::vector<const OptionSpec*> specs;
  for (const auto& spec : option_table()) {
    if (predicate(spec)) specs.push_back(&spec);
  }
  return specs;
}

std::vector<const OptionSpec*> specs_in(std::uint32_t category) {
  return specs_where([&](const OptionSpec& spec) { return (spec.help_categories & category) != 0; });
}

std::string databricks_rows() {
  return rows(specs_where([](const OptionSpec& spec) { return spec.dbcurl_own; }));
}

std::string category_line(std::string_view name, std::string_view description) {
  std::string name_column(name);
  if (name_column.size() < 11) name_column.resize(11, ' ');
  return ' ' + name_column + ' ' + std::string(description) + '\n';
}

std::string category_list(bool with_databricks) {
  std::string out = with_databricks ? category_line(kDatabricks, kDatabricksDescription) : std::string();
  for (const HelpCategory& category : help_categories()) out += category_line(category.name, category.description);
  return out;
}

std::string heading(std::string_view name, std::string_view description) {
  return std::string(name) + ": " + std::string(description) + '\n';
}

}  // namespace

std::string option_display_name(const OptionSpec& spec) {
  return std::string(documented_negated(spec) ? "--no-" : "--") + std::string(spec.long_name);
}

std::string help_text(std::string_view program_name, const std::optional<std::string>& category) {
  std::string out = "Usage: " + std::string(program_name) + " [options...] <url>\n";
  // Through a `curl` symlink the summary and the category list are curl's
  // own, as scripts (and curl's tests 1461 1462) read them; "databricks" and
  // "all" still show dbcurl's options.
  const bool databricks_first = program_name != "curl";
  if (!category) {
    if (databricks_first) out += heading(kDatabricks, kDatabricksDescription) + databricks_rows() + '\n';
    out += rows(specs_in(help_category::kImportant));
    out +=
        "\nThis is not the full help, this menu is stripped into categories.\n"
        "Use \"--help category\" to get an overview of all categories.\n"
        "For all options use the manual or \"--help all\".\n";
    return out;
  }
  if (iequals(*category, "all")) {
    out += heading(kDatabricks, kDatabricksDescription) + databricks_rows() + '\n';
    return out + rows(specs_where([](const OptionSpec& spec) { return !spec.dbcurl_own; }));
  }
  if (iequals(*category, "category")) return out + category_list(databricks_first);
  if (iequals(*category, kDatabricks)) return out + heading(kDatabricks, kDatabricksDescription) + databricks_rows();
  for (const HelpCategory& known : help_categories()) {
    if (iequals(*category, known.name)) return out + heading(known.name, known.description) + rows(specs_in(known.bit));
  }
  return out + "Invalid category provided, here is a list of all categories:\n\n" + category_list(databricks_first);
}

}  // namespace dbcurl

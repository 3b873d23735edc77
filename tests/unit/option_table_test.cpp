#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>

#include "cli/help_categories.hpp"
#include "cli/option_table.hpp"

using namespace dbcurl;

namespace {

std::vector<const OptionSpec*> all_rows() {
  std::vector<const OptionSpec*> rows;
  for (const auto& spec : option_table()) rows.push_back(&spec);
  for (const auto& spec : unlisted_options()) rows.push_back(&spec);
  return rows;
}

}  // namespace

TEST_CASE("the option table is sorted by long name, as curl's --help lists it") {
  const std::span<const OptionSpec> table = option_table();
  for (std::size_t i = 1; i < table.size(); ++i) {
    INFO(table[i - 1].long_name << " before " << table[i].long_name);
    CHECK(table[i - 1].long_name < table[i].long_name);
  }
}

TEST_CASE("long names and short letters name one option each") {
  std::set<std::string_view> long_names;
  std::map<char, std::string_view> short_names;
  for (const OptionSpec* spec : all_rows()) {
    INFO(spec->long_name);
    CHECK_FALSE(spec->long_name.empty());
    CHECK_FALSE(spec->long_name.starts_with("-"));
    // "--no-NAME" switches a boolean off, so no option may be called that.
    CHECK_FALSE(spec->long_name.starts_with("no-"));
    CHECK(long_names.insert(spec->long_name).second);
    if (spec->short_name != '\0') {
      const auto [previous, inserted] = short_names.emplace(spec->short_name, spec->long_name);
      INFO("-" << spec->short_name << " is also --" << previous->second);
      CHECK(inserted);
    }
  }
  for (const OptionSpec* spec : all_rows()) {
    CHECK(find_long_option(spec->long_name) == spec);
    if (spec->short_name != '\0') CHECK(find_short_option(spec->short_name) == spec);
  }
}

TEST_CASE("every option id has exactly one row") {
  std::vector<int> rows_per_id(kOptionIdCount, 0);
  for (const OptionSpec* spec : all_rows()) {
    const auto id = static_cast<std::size_t>(spec->id);
    INFO(spec->long_name);
    REQUIRE(id < kOptionIdCount);
    ++rows_per_id[id];
  }
  for (std::size_t id = 0; id < kOptionIdCount; ++id) {
    INFO("option id " << id);
    CHECK(rows_per_id[id] == 1);
  }
}

TEST_CASE("a value option names its value; a flag does not, but --help names its optional category") {
  for (const OptionSpec* spec : all_rows()) {
    INFO(spec->long_name);
    const bool names_value = spec->kind == ArgKind::kValue || spec->id == OptionId::kHelp;
    CHECK(names_value == !spec->value_name.empty());
    CHECK_FALSE(spec->help.empty());
  }
}

TEST_CASE("an option read by its value kind takes a value exactly when its kind is one") {
  for (const OptionSpec* spec : all_rows()) {
    INFO(spec->long_name);
    switch (spec->store.kind) {
      case ValueKind::kOwnGrammar: CHECK(std::holds_alternative<std::monostate>(spec->store.member)); break;
      case ValueKind::kFlag:
      case ValueKind::kBit:
      case ValueKind::kConstant: CHECK(spec->kind != ArgKind::kValue); break;
      case ValueKind::kText:
      case ValueKind::kSecret:
      case ValueKind::kTextList:
      case ValueKind::kSeconds:
      case ValueKind::kWholeSeconds:
      case ValueKind::kCount:
      case ValueKind::kSignedCount:
      case ValueKind::kSize: CHECK(spec->kind == ArgKind::kValue); break;
    }
    if (spec->store.kind != ValueKind::kOwnGrammar)
      CHECK_FALSE(std::holds_alternative<std::monostate>(spec->store.member));
  }
}

TEST_CASE("every help category lists an option, and dbcurl's own options are in none of curl's") {
  std::uint32_t used = 0;
  for (const OptionSpec* spec : all_rows()) {
    INFO(spec->long_name);
    if (spec->dbcurl_own) CHECK(spec->help_categories == 0);
    used |= spec->help_categories;
  }
  for (const HelpCategory& category : help_categories()) {
    INFO(category.name);
    CHECK((used & category.bit) != 0);
  }
  CHECK((used & help_category::kImportant) != 0);
}

#include "cli/protocols.hpp"

#include <algorithm>
#include <vector>

#include "common/strings.hpp"

namespace dbcurl {

namespace {

enum class Action { kAllow, kDeny, kSet };

void add(std::vector<std::string>& set, const std::string& protocol) {
  if (std::find(set.begin(), set.end(), protocol) == set.end()) set.push_back(protocol);
}

}  // namespace

const std::string* find_protocol(std::string_view name, std::span<const std::string> known) {
  const auto found = std::find_if(known.begin(), known.end(), [&](const std::string& p) { return iequals(p, name); });
  return found == known.end() ? nullptr : &*found;
}

std::optional<std::string> protocol_set(std::string_view spec, std::span<const std::string> defaults,
                                        std::span<const std::string> known, const WarningSink& warn) {
  std::vector<std::string> set;
  for (const std::string& protocol : defaults) {
    if (const std::string* name = find_protocol(protocol, known)) add(set, *name);
  }
  for (std::string_view token : split(spec, ',')) {
    if (token.empty()) continue;  // curl tokenises with strtok: empty tokens vanish
    Action action = Action::kAllow;
    while (token.empty() || !is_ascii_alnum(token.front())) {
      if (token.empty()) return std::nullopt;
      const char modifier = token.front();
      token.remove_prefix(1);
      if (modifier == '=')
        action = Action::kSet;
      else if (modifier == '-')
        action = Action::kDeny;
      else if (modifier == '+')
        action = Action::kAllow;
      else
        return std::nullopt;
    }
    if (iequals(token, "all")) {
      set.clear();
      if (action != Action::kDeny) set.assign(known.begin(), known.end());
      continue;
    }
    const std::string* name = find_protocol(token, known);
    if (name == nullptr) {
      if (action == Action::kSet) set.clear();
      warn("unrecognized protocol '" + std::string(token) + "'");
      continue;
    }
    if (action == Action::kDeny) {
      std::erase(set, *name);
      continue;
    }
    if (action == Action::kSet) set.clear();
    add(set, *name);
  }
  std::sort(set.begin(), set.end(), [](const std::string& a, const std::string& b) { return iless(a, b); });
  return join(set, ",");
}

}  // namespace dbcurl

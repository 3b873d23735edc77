#include "cli/form.hpp"

#include <cstring>

#include "common/strings.hpp"

namespace dbcurl {

namespace {

constexpr std::size_t kMaxFieldHeaderBytes = 998;  // curl's limit for one headers=@file line

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

Error bad_use() { return make_error(exit_code::kUsage, ""); }

// A position in one -F value. end_char is ',' between the files of name=@a,b
// and '\0' (no character) elsewhere.
class Cursor {
 public:
  Cursor(std::string_view text, std::size_t pos) : text_(text), pos_(pos) {}
  char at() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool at_end() const { return pos_ >= text_.size(); }
  void skip_spaces() {
    while (!at_end() && is_space(at())) ++pos_;
  }
  bool stops(char end_char) const { return at_end() || at() == ';' || (end_char != '\0' && at() == end_char); }
  bool take_prefix(std::string_view prefix) {
    if (!istarts_with(text_.substr(pos_), prefix)) return false;
    pos_ += prefix.size();
    return true;
  }
  std::size_t pos() const { return pos_; }
  void advance() { ++pos_; }
  std::string_view text() const { return text_; }

  // One word: "quoted" with \" and \\ escapes (what follows the closing quote,
  // up to the next ';', is dropped), or the text up to ';' without trailing blanks.
  std::string word(char end_char, const WarningSink& warn) {
    const std::size_t begin = pos_;
    if (at() == '"') {
      std::string word;
      for (std::size_t p = begin + 1; p < text_.size(); ++p) {
        const char c = text_[p];
        if (c == '\\' && p + 1 < text_.size() && (text_[p + 1] == '\\' || text_[p + 1] == '"')) {
          word += text_[++p];
          continue;
        }
        if (c != '"') {
          word += c;
          continue;
        }
        pos_ = p + 1;
        bool trailing_data = false;
        for (; !stops(end_char); ++pos_) trailing_data = trailing_data || !is_space(at());
        if (trailing_data) warn("Trailing data after quoted form parameter");
        return word;
      }
      // No closing quote: the word is taken as it is.
    }
    while (!stops(end_char)) ++pos_;
    std::size_t end = pos_;
    while (end > begin && is_space(text_[end - 1])) --end;
    return std::string(text_.substr(begin, end - begin));
  }

 private:
  std::string_view text_;
  std::size_t pos_;
};

// headers=@file: one header a line, a line starting with a blank continues the
// previous one, '#' starts a comment line, trailing blanks are dropped.
std::vector<std::string> field_headers(std::string_view text, const std::string& file, const WarningSink& warn) {
  std::vector<std::string> headers;
  std::string current;
  const auto flush = [&] {
    while (!current.empty() && is_space(current.back())) current.pop_back();
    if (!current.empty()) headers.push_back(std::move(current));
    current.clear();
  };
  std::size_t column = 0;
  int line = 1;
  bool in_comment = false;
  for (const char c : text) {
    if (column == 0 && !is_space(c)) flush();
    if (c == '\r') continue;
    if (c == '\n') {
      column = 0;
      in_comment = false;
      ++line;
      continue;
    }
    if (c == '#' && column == 0) in_comment = true;
    ++column;
    if (in_comment) continue;
    if (current.size() == kMaxFieldHeaderBytes) {
      warn("File " + file + " line " + std::to_string(line) + ": header too long (truncated)");
      continue;
    }
    current += c;
  }
  flush();
  return headers;
}

// The attributes a kind of part may carry.
enum Allowed : unsigned { kType = 1, kFilename = 2, kEncoder = 4, kHeaders = 8, kAll = 15 };

struct ParamPart {
  std::string data;
  std::optional<std::string> type, filename, encoder;
  std::vector<std::string> headers;
  char separator = '\0';  // ',' when another file of name=@a,b follows
};

// The value and its ;type= ;filename= ;headers= ;encoder= attributes. Text
// after a type that is no attribute belongs to the type (";charset=...").
Result<ParamPart> param_part(Cursor& cursor, char end_char, unsigned allowed, const FormBuilder& builder) {
  ParamPart part;
  cursor.skip_spaces();
  part.data = cursor.word(end_char, builder.warn);
  std::size_t type_begin = 0;
  std::optional<std::size_t> type_end;
  const auto close_type = [&] {
    if (type_end) part.type = std::string(cursor.text().substr(type_begin, *type_end - type_begin));
    type_end.reset();
  };
  const auto extend_type = [&] {
    for (; !cursor.stops(end_char); cursor.advance()) {
      if (!is_space(cursor.at())) type_end = cursor.pos() + 1;
    }
  };
  while (cursor.at() == ';') {
    cursor.advance();
    cursor.skip_spaces();
    if (!type_end && cursor.take_prefix("type=")) {
      cursor.skip_spaces();
      type_begin = cursor.pos();
      // curl's check: a major type (no '/' nor blank), '/', a minor type.
      const std::string_view type = cursor.text().substr(type_begin);
      const std::size_t major = type.find_first_of("/ ");
      const std::size_t minor_end = major == std::string_view::npos ? major : type.find_first_of(";, \n", major + 1);
      const std::size_t minor_size =
          major == std::string_view::npos ? 0 : std::min(minor_end, type.size()) - (major + 1);
      if (major == 0 || major > 127 || major == std::string_view::npos || type[major] != '/' || minor_size == 0) {
        builder.warn("Illegally formatted content-type field!");
        return bad_use();
      }
      while (cursor.pos() < type_begin + major + 1 + minor_size) cursor.advance();
      type_end = cursor.pos();
      extend_type();
    } else if (cursor.take_prefix("filename=")) {
      close_type();
      cursor.skip_spaces();
      part.filename = cursor.word(end_char, builder.warn);
    } else if (cursor.take_prefix("headers=")) {
      close_type();
      if (cursor.at() == '@' || cursor.at() == '<') {
        cursor.advance();
        cursor.skip_spaces();
        const std::string file = cursor.word(end_char, builder.warn);
        const FileContent content = builder.files.read_whole_file(file, kOptionFileLimit);
        if (content.outcome != FileContent::Outcome::kRead) {
          builder.warn("Cannot read from " + file + ": " + std::strerror(content.error_number));
        } else {
          for (std::string& header : field_headers(content.bytes, file, builder.warn))
            part.headers.push_back(std::move(header));
        }
      } else {
        cursor.skip_spaces();
        part.headers.push_back(cursor.word(end_char, builder.warn));
      }
    } else if (cursor.take_prefix("encoder=")) {
      close_type();
      cursor.skip_spaces();
      part.encoder = cursor.word(end_char, builder.warn);
    } else if (type_end) {
      extend_type();
    } else {
      const std::string unknown = cursor.word(end_char, builder.warn);
      if (!unknown.empty()) builder.warn("skip unknown form field: " + unknown);
    }
  }
  close_type();
  part.separator = cursor.at();
  const auto refuse = [&](unsigned attribute, auto& value, std::string_view what) {
    if ((allowed & attribute) != 0 || !value) return;
    builder.warn("Field " + std::string(what) + " not allowed here: " + std::string(*value));
    value.reset();
  };
  refuse(kType, part.type, "content type");
  refuse(kFilename, part.filename, "file name");
  refuse(kEncoder, part.encoder, "encoder");
  if ((allowed & kHeaders) == 0 && !part.headers.empty()) {
    builder.warn("Field headers not allowed here: " + part.headers.front());
    part.headers.clear();
  }
  return part;
}

// A file part, or standard input read now (as curl reads it while parsing).
FormPart file_part(ParamPart param, bool as_file, const FormBuilder& builder) {
  FormPart part;
  if (param.data == "-") {
    part.kind = as_file ? FormPart::Kind::kStdin : FormPart::Kind::kStdinContent;
    part.value = builder.files.read_whole_file("-", kOptionFileLimit).bytes;
  } else {
    part.kind = as_file ? FormPart::Kind::kFile : FormPart::Kind::kFileContent;
    part.value = std::move(param.data);
  }
  part.type = std::move(param.type);
  part.filename = std::move(param.filename);
  part.encoder = std::move(param.encoder);
  part.headers = std::move(param.headers);
  return part;
}

}  // namespace

Status add_form_field(std::string_view input, bool literal, const FormBuilder& builder) {
  const std::size_t equals = input.find('=');
  if (equals == std::string_view::npos) {
    builder.warn("Illegally formatted input field!");
    return bad_use();
  }
  std::optional<std::string> name;
  if (equals > 0) name = std::string(input.substr(0, equals));
  const std::string_view contents = input.substr(equals + 1);
  // The parts go into the innermost open multipart, always the last part of its level.
  std::vector<FormPart>* level = &builder.form;
  for (int open = 0; open < builder.depth; ++open) level = &level->back().subparts;
  Cursor cursor(input, equals + 1);

  FormPart& part = level->emplace_back();
  part.name = std::move(name);
  if (literal) {
    part.value = std::string(contents);
    return Ok{};
  }
  if (contents.starts_with('(')) {
    Result<ParamPart> param = param_part(cursor, '\0', kType | kHeaders, builder);
    if (!param) return param.error();
    part.kind = FormPart::Kind::kParts;
    part.type = std::move(param->type);
    part.headers = std::move(param->headers);
    ++builder.depth;
    return Ok{};
  }
  if (!part.name && contents == ")") {
    level->pop_back();
    if (builder.depth == 0) {
      builder.warn("no multipart to terminate!");
      return bad_use();
    }
    --builder.depth;
    return Ok{};
  }
  if (contents.starts_with('@')) {
    // name=@a;type=x,b,c: several files make one multipart/mixed part.
    std::vector<FormPart> files;
    char separator = '\0';
    do {
      cursor.advance();  // the '@', then each ','
      Result<ParamPart> param = param_part(cursor, ',', kAll, builder);
      if (!param) return param.error();
      separator = param->separator;
      files.push_back(file_part(std::move(*param), true, builder));
    } while (separator != '\0');
    if (files.size() == 1) {
      files.front().name = std::move(part.name);
      part = std::move(files.front());
    } else {
      part.kind = FormPart::Kind::kParts;
      part.subparts = std::move(files);
    }
    return Ok{};
  }
  if (contents.starts_with('<')) {
    cursor.advance();
    Result<ParamPart> param = param_part(cursor, '\0', kType | kEncoder | kHeaders, builder);
    if (!param) return param.error();
    std::optional<std::string> part_name = std::move(part.name);
    part = file_part(std::move(*param), false, builder);
    part.name = std::move(part_name);
    return Ok{};
  }
  Result<ParamPart> param = param_part(cursor, '\0', kAll, builder);
  if (!param) return param.error();
  part.value = std::move(param->data);
  part.type = std::move(param->type);
  part.filename = std::move(param->filename);
  part.encoder = std::move(param->encoder);
  part.headers = std::move(param->headers);
  return Ok{};
}

}  // namespace dbcurl

#include "credence/text/csv.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace credence::text {

bool CsvRecords::Next(std::vector<std::string>* fields, long* line, std::string* error) {
  fields->clear();
  error->clear();
  if (pos_ >= text_.size()) return false;
  *line = line_;
  const bool lenient = spaces_ == Spaces::kAroundQuotes;
  auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  std::string field;
  bool quoted = false;
  bool after_quote = false;
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (quoted) {
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field += '"';
          pos_ += 2;
          continue;
        }
        quoted = false;
        after_quote = true;
        ++pos_;
        continue;
      }
      if (c == '\n') ++line_;
      field += c;
      ++pos_;
      continue;
    }
    if (c == ',') {
      fields->push_back(std::move(field));
      field.clear();
      after_quote = false;
      ++pos_;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
      ++pos_;
      ++line_;
      fields->push_back(std::move(field));
      return true;
    }
    if (c == '"' && !after_quote &&
        (field.empty() || (lenient && std::all_of(field.begin(), field.end(), is_space)))) {
      field.clear();  // with kAroundQuotes, spaces before an opening quote are not in the field
      quoted = true;
      ++pos_;
      continue;
    }
    if (after_quote) {
      if (lenient && is_space(c)) {
        ++pos_;
        continue;
      }
      *error = fmt::format("unexpected character '{}' after a closing quote in field {}", c,
                           fields->size() + 1);
      SkipLine();
      return true;
    }
    if (!lenient && field.empty() && !after_quote) {
      // Fast path: an unquoted field runs to the next separator or line end.
      const std::size_t end = text_.find_first_of(",\r\n", pos_);
      const std::size_t stop = end == std::string_view::npos ? text_.size() : end;
      field.assign(text_.data() + pos_, stop - pos_);
      pos_ = stop;
      continue;
    }
    field += c;
    ++pos_;
  }
  if (quoted) {
    *error = "unterminated quoted field";
    return true;
  }
  fields->push_back(std::move(field));
  return true;
}

void CsvRecords::SkipLine() {
  const auto end = text_.find('\n', pos_);
  pos_ = end == std::string_view::npos ? text_.size() : end + 1;
  ++line_;
}

std::string CsvField(std::string_view s, CsvEdgeSpaces edge_spaces) {
  const bool edge_space =
      edge_spaces == CsvEdgeSpaces::kQuote && !s.empty() &&
      (s.front() == ' ' || s.front() == '\t' || s.back() == ' ' || s.back() == '\t');
  if (s.find_first_of(",\"\r\n") == std::string_view::npos && !edge_space) {
    return std::string(s);
  }
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace credence::text

// credence import book: the AbeBooks author data of TruthFinder (Yin, Han & Yu, KDD 2007) as
// triples (store, ISBN, normalised author list) and the golden author lists as object,value gold.
// The author-list normaliser is documented in docs/importers.md ("book").

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <map>
#include <set>

#include "credence/core/error.hpp"
#include "credence/text/ascii.hpp"
#include "credence/text/strings.hpp"
#include "import_internal.hpp"

namespace credence::io {
namespace {

// ---- Cleaning: roles, brackets and glued names. ----

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAlpha(char c) { return IsUpper(c) || IsLower(c); }

// Replaces every "(...)" (or "(..." to the end) by ';', then every "[...]": bracketed text is a
// role, an affiliation or an editor note, and it separates the names around it.
std::string ReplaceBrackets(std::string s, char open, char close) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != open) {
      out += s[i];
      continue;
    }
    const std::size_t end = s.find(close, i + 1);
    out += ';';
    if (end == std::string::npos) break;
    i = end;
  }
  return out;
}

// If one of `words` starts at `i` of the lower-case `lower` on a word boundary, returns the
// position after it; else npos. `words` are tried in order.
std::size_t MatchWord(const std::string& lower, std::size_t i,
                      std::initializer_list<std::string_view> words) {
  if (i > 0 && IsWordChar(lower[i - 1])) return std::string::npos;
  for (std::string_view w : words) {
    if (lower.compare(i, w.size(), w) == 0) return i + w.size();
  }
  return std::string::npos;
}

std::size_t SkipSpaces(const std::string& s, std::size_t i) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

bool WordEndsAt(const std::string& s, std::size_t i) { return i >= s.size() || !IsWordChar(s[i]); }

// Rewrites every match of a phrase as ';'. `match(lower, i)` returns the end of a match starting
// at i, or npos.
template <typename Match>
std::string ReplacePhrases(const std::string& s, Match match) {
  const std::string lower = text::ToLowerAscii(s);
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t end = match(lower, i);
    if (end == std::string::npos || end == i) {
      out += s[i++];
      continue;
    }
    out += ';';
    i = end;
  }
  return out;
}

// "Foreword by X", "Translated by X", "Trans. by X" ...: the rest of the segment names someone
// who is not an author.
std::size_t MatchRoleTail(const std::string& lower, std::size_t i) {
  std::size_t j = MatchWord(
      lower, i,
      {"foreword", "preface", "introduction", "afterword", "illustrated", "translated", "trans"});
  if (j == std::string::npos) return j;
  if (lower.compare(i, 5, "trans") == 0 && j == i + 5 && j < lower.size() && lower[j] == '.') ++j;
  if (!WordEndsAt(lower, j) && lower[j - 1] != '.') return std::string::npos;
  const std::size_t k = SkipSpaces(lower, j);
  if (k == j || lower.compare(k, 2, "by") != 0 || !WordEndsAt(lower, k + 2)) {
    return std::string::npos;
  }
  std::size_t end = lower.find(';', k + 2);
  return end == std::string::npos ? lower.size() : end;
}

// "Edited by", "compiled by", "written by": a separator before the names.
std::size_t MatchByline(const std::string& lower, std::size_t i) {
  const std::size_t j = MatchWord(lower, i, {"edited", "compiled", "written"});
  if (j == std::string::npos || !WordEndsAt(lower, j)) return std::string::npos;
  const std::size_t k = SkipSpaces(lower, j);
  if (k == j || lower.compare(k, 2, "by") != 0 || !WordEndsAt(lower, k + 2)) {
    return std::string::npos;
  }
  return k + 2;
}

// "Editor:", "Authors :".
std::size_t MatchRoleLabel(const std::string& lower, std::size_t i) {
  for (std::string_view w : {"editors", "editor", "authors", "author"}) {
    const std::size_t j = MatchWord(lower, i, {w});
    if (j == std::string::npos) continue;
    const std::size_t k = SkipSpaces(lower, j);
    if (k < lower.size() && lower[k] == ':') return k + 1;
  }
  return std::string::npos;
}

// "et al", "et. al.".
std::size_t MatchEtAl(const std::string& lower, std::size_t i) {
  std::size_t j = MatchWord(lower, i, {"et"});
  if (j == std::string::npos) return j;
  if (j < lower.size() && lower[j] == '.') ++j;
  const std::size_t k = SkipSpaces(lower, j);
  if (k == j || lower.compare(k, 2, "al") != 0 || !WordEndsAt(lower, k + 2)) {
    return std::string::npos;
  }
  return k + 2 < lower.size() && lower[k + 2] == '.' ? k + 3 : k + 2;
}

// Names prefixes that may be followed by a capital inside one surname (MacKinlay, VanDam).
bool IsSurnamePrefix(std::string_view lower_run) {
  for (std::string_view p :
       {"mac", "van", "von", "del", "des", "der", "den", "dal", "ter", "ten"}) {
    if (lower_run == p) return true;
  }
  return false;
}

// Some stores glue names together: "Sedgewick, RobertFlajolet, Philippe", "Aho, Alfred
// V.Lam, Monica S.". A ';' goes before a capital followed by a lower-case letter when it follows
// a capitalised word of three or more letters (not a prefix such as Mac or Van) or an initial.
std::string SplitGluedNames(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 8);
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[i];
    if (i > 0 && IsUpper(c) && i + 1 < n && IsLower(s[i + 1])) {
      std::size_t j = i;
      while (j > 0 && IsAlpha(s[j - 1])) --j;
      const std::string run = s.substr(j, i - j);
      bool glued = run.size() >= 3 && IsUpper(run[0]) &&
                   std::all_of(run.begin() + 1, run.end(), IsLower) &&
                   !IsSurnamePrefix(text::ToLowerAscii(run));
      if (!glued && run.empty() && i >= 2 && s[i - 1] == '.' && IsUpper(s[i - 2]) &&
          (i == 2 || !IsAlpha(s[i - 3]))) {
        glued = true;
      }
      if (glued) out += ';';
    }
    out += c;
  }
  return out;
}

// Splits on ; | / & and on the words "and", "with" and a spaced " - ".
std::vector<std::string> SplitSegments(const std::string& s) {
  const std::string lower = text::ToLowerAscii(s);
  std::vector<std::string> out;
  std::string current;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ';' || c == '|' || c == '/' || c == '&') {
      out.push_back(std::move(current));
      current.clear();
      ++i;
      continue;
    }
    if (IsSpace(c)) {
      const std::size_t j = SkipSpaces(s, i);
      std::size_t k = std::string::npos;
      for (std::string_view w : {"and", "with", "-"}) {
        if (lower.compare(j, w.size(), w) == 0 && j + w.size() < s.size() &&
            IsSpace(s[j + w.size()])) {
          k = j + w.size();
          break;
        }
      }
      if (k != std::string::npos) {
        out.push_back(std::move(current));
        current.clear();
        i = SkipSpaces(s, k);
        continue;
      }
      current.append(s, i, j - i);
      i = j;
      continue;
    }
    current += c;
    ++i;
  }
  out.push_back(std::move(current));
  return out;
}

// ---- Names: words, initials and surnames. ----

// Words that are roles, titles, suffixes or filler, never a surname.
bool IsStopWord(std::string_view key) {
  static const std::set<std::string_view> kStop = {
      "jr",         "sr",        "ii",      "iii",          "iv",          "phd",         "md",
      "dr",         "prof",      "mr",      "mrs",          "ms",          "inc",         "ltd",
      "llc",        "ed",        "eds",     "edt",          "editor",      "editors",     "author",
      "authors",    "et",        "al",      "the",          "and",         "with",        "by",
      "others",     "staff",     "team",    "frw",          "con",         "trn",         "trans",
      "translator", "foreword",  "preface", "introduction", "illustrator", "contributor", "na",
      "not",        "available", "unknown", "various",      "edited",      "joint",       "co",
      "press"};
  return kStop.count(key) != 0;
}

// Lower-case letters and digits of a word.
std::string Key(std::string_view word) {
  std::string key;
  for (char c : word) {
    if (IsUpper(c)) {
      key += static_cast<char>(c - 'A' + 'a');
    } else if (IsLower(c) || (c >= '0' && c <= '9')) {
      key += c;
    }
  }
  return key;
}

using Words = std::vector<std::string>;

// The words of one comma-separated part: runs of characters other than space and '.', each
// with its trailing '.', without stop words.
Words WordsOf(std::string_view part) {
  Words words;
  std::size_t i = 0;
  while (i < part.size()) {
    if (IsSpace(part[i]) || part[i] == '.') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < part.size() && !IsSpace(part[j]) && part[j] != '.') ++j;
    if (j < part.size() && part[j] == '.') ++j;
    std::string word(part.substr(i, j - i));
    const std::string key = Key(word);
    if (!key.empty() && !IsStopWord(key)) words.push_back(std::move(word));
    i = j;
  }
  return words;
}

// An initial has exactly one letter: "E.", "J", "W.".
bool IsInitial(std::string_view word) {
  return std::count_if(word.begin(), word.end(), [](char c) { return IsAlpha(c); }) == 1;
}

// The surname key of a name given by its surname words: the last word, and of a hyphenated
// (or underscored) word its last piece, as letters and digits in lower case. Empty when that is
// shorter than two characters, a number or a stop word.
std::string SurnameKey(const Words& surname) {
  if (surname.empty()) return {};
  const std::string& word = surname.back();
  std::size_t end = word.size();
  while (end > 0 && (word[end - 1] == '-' || word[end - 1] == '_')) --end;
  std::size_t start = end;
  while (start > 0 && word[start - 1] != '-' && word[start - 1] != '_') --start;
  const std::string key = Key(std::string_view(word).substr(start, end - start));
  if (key.size() < 2 || IsStopWord(key) ||
      std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return {};
  }
  return key;
}

// Surnames in a part written "First M. Last" (perhaps several names run together, "Donald E.
// Knuth John Fuller", cut after a First-Initial-Last pattern). "Bowman Doug A" (surname first,
// initial last) gives Bowman.
std::vector<Words> FullNameSurnames(const Words& words) {
  std::vector<Words> names;
  Words current;
  for (std::size_t i = 0; i < words.size(); ++i) {
    current.push_back(words[i]);
    if (current.size() >= 3 && !IsInitial(current.back()) &&
        IsInitial(current[current.size() - 2]) && !IsInitial(current.front()) &&
        i + 1 < words.size()) {
      names.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) names.push_back(std::move(current));
  std::vector<Words> surnames;
  for (const auto& name : names) {
    if (name.size() >= 2 && IsInitial(name.back()) && !IsInitial(name.front())) {
      surnames.push_back({name.front()});
      continue;
    }
    Words last;
    for (auto it = name.rbegin(); it != name.rend(); ++it) {
      if (!IsInitial(*it)) {
        last.push_back(*it);
        break;
      }
    }
    surnames.push_back(std::move(last));
  }
  return surnames;
}

// True for a part that reads as a whole "First Last" name: two or more words, not ending in an
// initial.
bool IsFullName(const Words& part) { return part.size() >= 2 && !IsInitial(part.back()); }

// The surnames of one segment (names separated by commas, or one name).
std::vector<Words> SegmentSurnames(std::string_view segment) {
  std::vector<Words> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = segment.find(',', start);
    Words words = WordsOf(segment.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (!words.empty()) parts.push_back(std::move(words));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (parts.empty()) return {};
  if (parts.size() == 1) return FullNameSurnames(parts[0]);
  // "Jim Melton, Alan R. Simon": every part a full name.
  if (std::all_of(parts.begin(), parts.end(), IsFullName)) {
    std::vector<Words> out;
    for (const auto& part : parts) {
      for (auto& s : FullNameSurnames(part)) out.push_back(std::move(s));
    }
    return out;
  }
  // "Hornick, Mark F. Marcade, Erik Venkayala, Sunil": Last, First Last, ..., First.
  if (parts.size() >= 3 && std::all_of(parts.begin() + 1, parts.end() - 1, IsFullName)) {
    std::vector<Words> out{parts.front()};
    for (auto it = parts.begin() + 1; it != parts.end() - 1; ++it) {
      out.push_back(FullNameSurnames(*it).back());
    }
    return out;
  }
  // "Knuth, Donald E." and "Tan, Pang-Ning, Steinbach, Michael": Last, First pairs.
  std::vector<Words> out;
  for (std::size_t i = 0; i < parts.size(); i += 2) out.push_back(parts[i]);
  return out;
}

}  // namespace

std::string NormaliseAuthorList(std::string_view authors) {
  std::string s = text::FoldToAscii(authors);
  s = ReplaceBrackets(ReplaceBrackets(std::move(s), '(', ')'), '[', ']');
  s = ReplacePhrases(s, MatchRoleTail);
  s = ReplacePhrases(s, MatchByline);
  s = ReplacePhrases(s, MatchRoleLabel);
  s = ReplacePhrases(s, MatchEtAl);
  s = SplitGluedNames(s);
  std::set<std::string> keys;
  for (const auto& segment : SplitSegments(s)) {
    for (const auto& surname : SegmentSurnames(segment)) {
      std::string key = SurnameKey(surname);
      if (!key.empty()) keys.insert(std::move(key));
    }
  }
  std::string out;
  for (const auto& key : keys) {
    if (!out.empty()) out += ';';
    out += key;
  }
  return out;
}

namespace importer {

namespace {

// Reads the golden author lists ("ISBN<TAB>authors", books separated by blank lines).
GoldValues ReadGoldenAuthors(const ImportInput& gold, ImportLog* log) {
  GoldValues golden;  // ISBN -> (authors, line)
  text::ForEachLine(gold.content, [&](long line, std::string_view text) {
    if (TrimCell(text).empty()) return true;  // the golden file separates books by blank lines
    const auto f = SplitTabs(text);
    const std::string isbn =
        text::EscapeInvalidUtf8(f.empty() ? std::string_view{} : TrimCell(f[0]));
    const std::string authors = f.size() == 2 ? NormaliseAuthorList(f[1]) : std::string();
    if (f.size() != 2 || isbn.empty()) {
      log->Problem(gold.path, line, "",
                   fmt::format("expected 'ISBN<TAB>authors', got {} field(s)", f.size()));
    } else if (authors.empty()) {
      log->Problem(gold.path, line, "authors", "no author name in the golden author list");
    } else if (const auto [it, fresh] = golden.emplace(isbn, std::pair{authors, line}); !fresh) {
      log->Problem(
          gold.path, line, "ISBN",
          fmt::format("book '{}' is listed twice, first at line {}", isbn, it->second.second));
    }
    return !log->TooManyProblems();
  });
  return golden;
}

}  // namespace

ImportResult ImportBook(const std::vector<ImportInput>& inputs) {
  ImportResult result;
  ImportLog log(&result.stats);
  TriplesWriter triples;
  const ImportInput& data = inputs[0];
  ForEachTsvRow(data, 4, "store, ISBN, title, authors", &log, &result.stats,
                [&](long line, const std::vector<std::string_view>& f) {
                  const std::string store = text::EscapeInvalidUtf8(text::CollapseSpaces(f[0]));
                  const std::string isbn = text::EscapeInvalidUtf8(TrimCell(f[1]));
                  if (store.empty() || isbn.empty()) {
                    log.Problem(data.path, line, store.empty() ? "store" : "ISBN",
                                "must not be empty");
                    return;
                  }
                  if (!CheckIdCell(store, data.path, line, "store", &log) ||
                      !CheckIdCell(isbn, data.path, line, "ISBN", &log)) {
                    return;
                  }
                  if (TrimCell(f[3]).empty()) {
                    log.Skip("empty author list", data.path, line);
                    return;
                  }
                  const std::string authors = NormaliseAuthorList(f[3]);
                  if (authors.empty()) {
                    log.Skip("no author name in the list (\"Not Available\", \"0\", roles only)",
                             data.path, line);
                    return;
                  }
                  triples.Add(store, isbn, authors, data.path, line, &log);
                });
  if (result.stats.rows_read == 0 && !log.HasProblems()) {
    log.Problem(data.path, 0, "", "no records: the file is empty");
  }
  if (inputs.size() > 1) {
    WriteTriplesGold(ReadGoldenAuthors(inputs[1], &log), triples, inputs[1].path, "object,value\n",
                     "", "gold book with no author list in the data (left out of the gold)", &log,
                     &result);
  }
  FinishTriples(log, &triples, &result);
  return result;
}

}  // namespace importer
}  // namespace credence::io

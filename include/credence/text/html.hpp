#pragma once
/// Decoding HTML character references, as found in text scraped from web pages (the book
/// importer's author lists).

#include <string>
#include <string_view>

namespace credence::text {

/// `in` with every character reference "&name;", "&#NNN;" or "&#xHH;" replaced by its code point.
/// Names are those of XML (amp, lt, gt, quot, apos) and HTML 4's Latin-1 set (nbsp ... yuml,
/// U+00A0-U+00FF); a numeric reference has 1-6 digits and a value in [1, U+10FFFF]. Anything
/// else, such as an unknown name, a missing ';' or a name longer than 10 characters ('#' included),
/// is kept as it is. Numeric references 128-159 keep those values: they are either Windows-1252
/// punctuation or bytes of double-encoded UTF-8, which RepairDoubleEncoding can then put back
/// together. O(|in|).
std::u32string DecodeHtmlEntities(std::u32string_view in);

/// `s` with &, <, >, " and ' replaced by character references; safe in HTML and XML (SVG)
/// element content and in quoted attribute values. O(|s|).
std::string HtmlEscape(std::string_view s);

}  // namespace credence::text

// Heterogeneous lookup in the standard associative containers: a map or
// set keyed by std::string finds a key given as a std::string_view (or a
// `const char *`) without building a std::string, once its comparator (an
// unordered container's hash and equality) is transparent: `std::less<>`,
// or a type with an `is_transparent` member. The library offers it for
// ordered containers since C++14 and for unordered ones since C++20.
// redundant-copy (FF-5) asks these questions of a std::string built only to
// look a key up.
#ifndef MEMRULES_CHECKS_ANALYSIS_STRINGLOOKUP_H
#define MEMRULES_CHECKS_ANALYSIS_STRINGLOOKUP_H

#include <optional>
#include <string>

namespace clang {
class ASTContext;
class CXXMemberCallExpr;
class CXXMethodDecl;
class CXXRecordDecl;
class Decl;
class Expr;
class QualType;
} // namespace clang

namespace memrules {

// find, count, contains, lower_bound, upper_bound or equal_range of a
// standard associative container (map, set, their multi and unordered
// forms): it only reads the container, and it has a heterogeneous overload.
// at(), operator[], insert and emplace have none before C++26.
bool isAssociativeLookup(const clang::CXXMethodDecl &Method);

// Is T std::string (std::basic_string<char> with the standard traits and
// allocator)?
bool isStdString(clang::QualType T);

struct StringKeyLookup {
  bool Unordered = false;
  // The comparator (hash and equality) already accepts other key types.
  bool Transparent = false;
};

// For Call, a lookup on a container keyed by std::string: whether the
// library offers that lookup a heterogeneous overload at this language
// level (C++14 for ordered containers, C++20 for unordered ones, and the
// library declares the overload), and what the container needs for it.
// Nothing otherwise.
std::optional<StringKeyLookup> stringKeyLookup(const clang::CXXMemberCallExpr &Call,
                                               const clang::ASTContext &AST);

// The declaration whose written type names Container, the class of the
// object Object (the receiver of a lookup) designates: the variable or
// field, or the project's typedef or alias its type goes through. Null when
// Object is not a named variable or field, or the type is deduced (`auto`),
// a class derived from the container, or spelled in a system header or a
// macro: then no declaration of the project's says which comparator to use.
const clang::Decl *containerSpelling(const clang::Expr &Object,
                                     const clang::CXXRecordDecl &Container,
                                     const clang::ASTContext &AST);

// A std::string built from text a std::string_view could show in place:
// `std::string(p)` (also `std::string{p}` and the implicit conversion) or
// `std::string(p, n)` of a `const char *` variable, `std::string(sv)` of a
// std::string_view, `s.substr(...)` of a named std::string. Not from a
// literal or an array (a local buffer, formatted from numbers, is a
// different cure), nor `std::to_string`, `std::string(n, c)` and the like.
struct ViewableString {
  enum Kind { Pointer, PointerAndLength, View, Substring };
  Kind What;
  const clang::Expr *Construction; // the std::string's construction
  const clang::Expr *Text;         // the pointer, view, or substr's string
  // The same text as a std::string_view (C++17): `std::string_view(p)`,
  // `sv`, `std::string_view(s).substr(1, 2)`.
  std::string AsView;
  // The source, for messages: `p`, `sv`, `s`.
  std::string SourceName;
  // An implicit conversion (`m.find(p)` of a `const char *`), not written.
  bool Implicit = false;
};
std::optional<ViewableString> viewableString(const clang::Expr &E, const clang::ASTContext &AST);

} // namespace memrules

#endif

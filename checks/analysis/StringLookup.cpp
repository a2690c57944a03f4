#include "StringLookup.h"

#include "SourceText.h"

#include "../../plugin/Compat.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace memrules {
namespace {

// A specialization of the standard class template Name.
const ClassTemplateSpecializationDecl *stdSpecialization(QualType T, StringRef Name) {
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() || !Spec->getIdentifier() || Spec->getName() != Name)
    return nullptr;
  return Spec;
}

bool isStdClass(const TemplateArgument &Arg, StringRef Name) {
  if (Arg.getKind() != TemplateArgument::Type)
    return false;
  const CXXRecordDecl *Record = Arg.getAsType()->getAsCXXRecordDecl();
  return Record && Record->isInStdNamespace() && Record->getIdentifier() &&
         Record->getName() == Name;
}

bool isCharArgument(const TemplateArgument &Arg) {
  return Arg.getKind() == TemplateArgument::Type && Arg.getAsType()->isCharType();
}

bool isStdStringView(QualType T) {
  const ClassTemplateSpecializationDecl *Spec = stdSpecialization(T, "basic_string_view");
  return Spec && Spec->getTemplateArgs().size() == 2 &&
         isCharArgument(Spec->getTemplateArgs()[0]) &&
         isStdClass(Spec->getTemplateArgs()[1], "char_traits");
}

bool isCharPointer(QualType T) {
  return T->isPointerType() && T->getPointeeType()->isCharType();
}

// A comparator, hash or equality that declares `is_transparent` (itself or
// through a base): std::less<>, std::equal_to<>, or the project's own.
bool isTransparent(const TemplateArgument &Arg) {
  if (Arg.getKind() != TemplateArgument::Type)
    return false;
  const CXXRecordDecl *Record = Arg.getAsType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return false;
  Record = Record->getDefinition();
  for (const Decl *D : Record->decls())
    if (const auto *Named = dyn_cast<NamedDecl>(D))
      if (Named->getIdentifier() && Named->getName() == "is_transparent")
        return true;
  for (const CXXBaseSpecifier &Base : Record->bases())
    if (isTransparent(TemplateArgument(Base.getType())))
      return true;
  return false;
}

// Does the container declare a member template of the lookup's name (the
// heterogeneous overload)? Older libraries, and older language levels, do
// not.
bool declaresHeterogeneousOverload(const CXXRecordDecl &Container, const CXXMethodDecl &Lookup) {
  for (const NamedDecl *D : Container.lookup(Lookup.getDeclName()))
    if (isa<FunctionTemplateDecl>(D))
      return true;
  return false;
}

std::string text(const Expr &E, const ASTContext &AST) {
  std::string Out;
  if (!verbatim(E.getSourceRange(), AST.getSourceManager(), AST.getLangOpts(), Out))
    return "";
  return Out;
}

// Past the implicit nodes and the functional cast around a construction.
const Expr *constructionIn(const Expr &E) {
  const Expr *Inner = E.IgnoreImplicit();
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Inner))
    Inner = Cast->getSubExpr()->IgnoreImplicit();
  return Inner;
}

// The arguments a construction was written with (not its default ones).
llvm::SmallVector<const Expr *, 2> writtenArguments(const CXXConstructExpr &Construct) {
  llvm::SmallVector<const Expr *, 2> Args;
  for (const Expr *Arg : Construct.arguments())
    if (!isa<CXXDefaultArgExpr>(Arg))
      Args.push_back(Arg);
  return Args;
}

std::optional<ViewableString> fromConstruction(const CXXConstructExpr &Construct,
                                               const ASTContext &AST) {
  llvm::SmallVector<const Expr *, 2> Args = writtenArguments(Construct);
  if (Args.empty() || Args.size() > 2)
    return std::nullopt;
  // An array (a literal, a local buffer) decays to a pointer: not taken.
  const Expr *Text = Args[0]->IgnoreParenImpCasts();
  QualType Type = Text->getType();
  ViewableString View{ViewableString::Pointer, &Construct, Text, "", text(*Text, AST)};
  if (Args.size() == 2) {
    if (!isCharPointer(Type) || !Args[1]->getType()->isIntegerType())
      return std::nullopt;
    View.What = ViewableString::PointerAndLength;
    View.AsView = "std::string_view(" + View.SourceName + ", " + text(*Args[1], AST) + ")";
  } else if (isStdStringView(Type)) {
    View.What = ViewableString::View;
    View.AsView = View.SourceName;
  } else if (isCharPointer(Type)) {
    // Before C++17 there is no view: a transparent comparator takes the
    // pointer itself.
    View.AsView = AST.getLangOpts().CPlusPlus17
                      ? "std::string_view(" + View.SourceName + ")"
                      : View.SourceName;
  } else {
    return std::nullopt;
  }
  if (View.What != ViewableString::Pointer && !AST.getLangOpts().CPlusPlus17)
    return std::nullopt;
  return View;
}

std::optional<ViewableString> fromSubstr(const CXXMemberCallExpr &Call, const ASTContext &AST) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  const Expr *Object = Call.getImplicitObjectArgument();
  if (!AST.getLangOpts().CPlusPlus17 || !Method || !Method->getIdentifier() ||
      Method->getName() != "substr" || !Object || !isStdString(Object->getType()))
    return std::nullopt;
  // A named string, not a temporary whose view would dangle.
  Object = Object->IgnoreParenImpCasts();
  if (!Object->isLValue())
    return std::nullopt;
  std::string Whole = text(Call, AST), Source = text(*Object, AST);
  if (Whole.empty() || Source.empty() || !startsWith(Whole, Source + "."))
    return std::nullopt;
  return ViewableString{ViewableString::Substring, &Call, Object,
                        "std::string_view(" + Source + ")" + Whole.substr(Source.size()),
                        Source};
}

} // namespace

bool isStdString(QualType T) {
  const ClassTemplateSpecializationDecl *Spec = stdSpecialization(T, "basic_string");
  return Spec && Spec->getTemplateArgs().size() == 3 &&
         isCharArgument(Spec->getTemplateArgs()[0]) &&
         isStdClass(Spec->getTemplateArgs()[1], "char_traits") &&
         isStdClass(Spec->getTemplateArgs()[2], "allocator");
}

bool isAssociativeLookup(const CXXMethodDecl &Method) {
  const auto *Container = dyn_cast<ClassTemplateSpecializationDecl>(Method.getParent());
  if (!Method.getIdentifier() || !Container || !Container->getIdentifier() ||
      !Container->isInStdNamespace())
    return false;
  bool Lookup = llvm::StringSwitch<bool>(Method.getName())
                    .Cases("find", "count", "contains", true)
                    .Cases("lower_bound", "upper_bound", "equal_range", true)
                    .Default(false);
  return Lookup && llvm::StringSwitch<bool>(Container->getName())
                       .Cases("map", "multimap", "set", "multiset", true)
                       .Cases("unordered_map", "unordered_multimap", true)
                       .Cases("unordered_set", "unordered_multiset", true)
                       .Default(false);
}

std::optional<StringKeyLookup> stringKeyLookup(const CXXMemberCallExpr &Call,
                                               const ASTContext &AST) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  if (!Method || !isAssociativeLookup(*Method))
    return std::nullopt;
  const auto &Container = cast<ClassTemplateSpecializationDecl>(*Method->getParent());
  StringKeyLookup Lookup;
  Lookup.Unordered = startsWith(Container.getName(), "unordered_");
  const LangOptions &LO = AST.getLangOpts();
  const TemplateArgumentList &Args = Container.getTemplateArgs();
  bool Map = Container.getName().contains("map");
  // map<Key, T, Compare>, set<Key, Compare>,
  // unordered_map<Key, T, Hash, Equal>, unordered_set<Key, Hash, Equal>.
  unsigned First = Map ? 2 : 1, Count = Lookup.Unordered ? 2 : 1;
  if (!(Lookup.Unordered ? LO.CPlusPlus20 : LO.CPlusPlus14) || Args.size() < First + Count ||
      Args[0].getKind() != TemplateArgument::Type || !isStdString(Args[0].getAsType()) ||
      !declaresHeterogeneousOverload(Container, *Method))
    return std::nullopt;
  Lookup.Transparent = true;
  for (unsigned I = First; I < First + Count; ++I)
    Lookup.Transparent = Lookup.Transparent && isTransparent(Args[I]);
  return Lookup;
}

const Decl *containerSpelling(const Expr &Object, const CXXRecordDecl &Container,
                              const ASTContext &AST) {
  const Expr *Plain = Object.IgnoreParenImpCasts();
  const ValueDecl *Named = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Plain))
    Named = dyn_cast<VarDecl>(Ref->getDecl());
  else if (const auto *Member = dyn_cast<MemberExpr>(Plain))
    Named = Member->getMemberDecl();
  if (!Named || (!isa<VarDecl>(Named) && !isa<FieldDecl>(Named)) ||
      Named->getType()->getContainedDeducedType())
    return nullptr;
  QualType T = Named->getType().getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const Decl *Spelling = Named;
  while (const auto *Typedef = T->getAs<TypedefType>()) {
    Spelling = Typedef->getDecl();
    T = Typedef->getDecl()->getUnderlyingType();
  }
  // A class of the project's derived from the container spells it in its
  // base list, for all its users: not taken.
  const CXXRecordDecl *Spelled = T->getAsCXXRecordDecl();
  if (!Spelled || Spelled->getCanonicalDecl() != Container.getCanonicalDecl())
    return nullptr;
  SourceLocation Loc = Spelling->getLocation();
  const SourceManager &SM = AST.getSourceManager();
  if (Loc.isInvalid() || Loc.isMacroID() || SM.isInSystemHeader(Loc))
    return nullptr;
  return Spelling;
}

std::optional<ViewableString> viewableString(const Expr &E, const ASTContext &AST) {
  const Expr *Inner = constructionIn(E);
  std::optional<ViewableString> View;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Inner)) {
    if (isStdString(Construct->getType()))
      View = fromConstruction(*Construct, AST);
  } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Inner)) {
    View = fromSubstr(*Call, AST);
  }
  if (!View || View->SourceName.empty() || View->AsView.empty())
    return std::nullopt;
  // Report at the construction as written: `std::string(p)`, not inside it.
  const Expr *Written = E.IgnoreImplicit();
  if (isa<CXXFunctionalCastExpr>(Written))
    View->Construction = Written;
  View->Implicit = Written->getStmtClass() == Stmt::CXXConstructExprClass;
  return View;
}

} // namespace memrules

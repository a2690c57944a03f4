# lit configuration for memrules. Substitutions:
#   %clang       the clang this build targets
#   %plugin      libmemrules.so
#   %memrules    %clang -fsyntax-only -fplugin=%plugin (add -Xclang -verify)
#   %memrules-cli  the memrules command-line tool
#   %clangxx     clang++ of the same clang
#   %cmake, %build_root, %examples   for the build-integration tests
import os
import lit.formats

config.name = "memrules"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.memrules_obj_root)

clang = os.path.join(config.llvm_bin, "clang")
config.substitutions.append(("%clangxx", clang + "++"))
config.substitutions.append(("%cmake", config.cmake))
config.substitutions.append(("%build_root", config.memrules_build_root))
config.substitutions.append(
    ("%examples", os.path.join(config.memrules_src_root, "examples")))
config.substitutions.append(("%memrules-cli", config.memrules_tool))
config.substitutions.append(
    ("%memrules", clang + " -fsyntax-only -fplugin=" + config.memrules_plugin))
config.substitutions.append(("%plugin", config.memrules_plugin))
config.substitutions.append(("%clang", clang))
# clang-tidy of the other clang (the build-integration tests).
config.substitutions.append(
    ("%{other_clang_tidy}", os.path.join(os.path.dirname(config.other_clang), "clang-tidy")))
config.substitutions.append(("%other_clang", config.other_clang))

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_bin, config.environment.get("PATH", os.environ.get("PATH", ""))])
config.available_features.add("llvm-" + config.llvm_major)
# %unprivileged runs a command as user nobody when the tests run as root, so
# that a chmod 000 file is really unreadable (root reads it anyway).
# setpriv comes with util-linux, which every Debian system has.
config.substitutions.append(
    ("%unprivileged",
     "setpriv --reuid=65534 --regid=65534 --clear-groups" if os.geteuid() == 0 else ""))
if os.path.exists(config.other_clang):
    config.available_features.add("other-clang")

# A sanitized build (-DMEMRULES_SANITIZE=ON): clang is not instrumented, so
# the sanitizer runtime the plugin was linked against is preloaded into every
# command. Leak checking is off there: clang frees nothing at exit on purpose
# (-disable-free); the unit tests, run by ctest, keep it on. User poisoning
# is off too: LLVM's header-inline BumpPtrAllocator, compiled into the
# sanitized plugin, poisons slab memory that uninstrumented clang code then
# writes legitimately.
if config.sanitizer_preload:
    config.environment["LD_PRELOAD"] = config.sanitizer_preload
    config.environment["ASAN_OPTIONS"] = "detect_leaks=0:allow_user_poisoning=0"
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
    config.available_features.add("sanitized")

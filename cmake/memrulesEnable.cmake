# memrules_enable(<target> [POLICY file] [WERROR] [REPORT_DIR dir])
#
# Loads the memrules plugin into <target>'s C and C++ compiles:
#   POLICY file     use this policy (relative to the current source folder)
#                   instead of the nearest .memrules.yaml of each source
#   WERROR          every finding is an error (the object is not written)
#   REPORT_DIR dir  write one JSON report per compile into dir (relative to
#                   the current binary folder), for `memrules report`
# It refuses (FATAL_ERROR) a target whose C or C++ compiler is not the clang
# the plugin was built for: a plugin only runs in its own clang version.
#
# Policy changes need nothing here: the plugin lists the policy file and the
# files it extends in each compile's dependency file, which CMake's Ninja and
# Makefile generators read (docs/integration.md).
include_guard(GLOBAL)

function(memrules_enable target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "WERROR" "POLICY;REPORT_DIR" "")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "memrules_enable(${target}): unexpected arguments "
      "'${arg_UNPARSED_ARGUMENTS}' (usage: memrules_enable(<target> "
      "[POLICY file] [WERROR] [REPORT_DIR dir]))")
  endif()
  if("POLICY" IN_LIST arg_KEYWORDS_MISSING_VALUES)
    message(FATAL_ERROR "memrules_enable(${target}): POLICY needs a file")
  endif()
  if("REPORT_DIR" IN_LIST arg_KEYWORDS_MISSING_VALUES)
    message(FATAL_ERROR "memrules_enable(${target}): REPORT_DIR needs a folder")
  endif()
  if(NOT TARGET ${target})
    message(FATAL_ERROR "memrules_enable(${target}): no such target")
  endif()
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "INTERFACE_LIBRARY" OR type STREQUAL "UTILITY")
    message(FATAL_ERROR "memrules_enable(${target}): a ${type} has no compiles of its own")
  endif()

  _memrules_languages(${target} languages)
  foreach(lang IN LISTS languages)
    _memrules_check_compiler(${target} ${lang})
  endforeach()

  set(flags "-fplugin=${MEMRULES_PLUGIN}")
  if(arg_POLICY)
    get_filename_component(policy "${arg_POLICY}" ABSOLUTE
                           BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(NOT EXISTS "${policy}" OR IS_DIRECTORY "${policy}")
      message(FATAL_ERROR "memrules_enable(${target}): no policy file ${policy}")
    endif()
    list(APPEND flags "-fplugin-arg-memrules-policy=${policy}")
  endif()
  if(arg_WERROR)
    list(APPEND flags "-fplugin-arg-memrules-werror")
  endif()
  if(arg_REPORT_DIR)
    get_filename_component(dir "${arg_REPORT_DIR}" ABSOLUTE
                           BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
    file(MAKE_DIRECTORY "${dir}")
    list(APPEND flags "-fplugin-arg-memrules-report-dir=${dir}")
  endif()
  # Only C and C++ compiles: the target may also hold assembly or other
  # languages whose compilers know nothing of clang plugins.
  foreach(flag IN LISTS flags)
    target_compile_options(${target} PRIVATE "$<$<COMPILE_LANGUAGE:C,CXX>:${flag}>")
  endforeach()
endfunction()

# The languages among C and C++ that <target>'s sources are compiled as (by
# their LANGUAGE property or extension). A target without such sources yet
# (they may come later, or from generator expressions) is checked against
# every enabled one: only what will get the plugin is asked to be clang.
function(_memrules_languages target out)
  get_target_property(sources ${target} SOURCES)
  set(found "")
  foreach(source IN LISTS sources)
    if(source MATCHES "\\$<")
      continue()
    endif()
    get_source_file_property(lang "${source}" TARGET_DIRECTORY ${target} LANGUAGE)
    if(NOT lang)
      get_filename_component(ext "${source}" LAST_EXT)
      string(REGEX REPLACE "^\\." "" ext "${ext}")
      foreach(candidate C CXX)
        if(ext IN_LIST CMAKE_${candidate}_SOURCE_FILE_EXTENSIONS)
          set(lang ${candidate})
        endif()
      endforeach()
    endif()
    if(lang STREQUAL "C" OR lang STREQUAL "CXX")
      list(APPEND found ${lang})
    endif()
  endforeach()
  if(NOT found)
    get_property(enabled GLOBAL PROPERTY ENABLED_LANGUAGES)
    foreach(candidate C CXX)
      if(candidate IN_LIST enabled)
        list(APPEND found ${candidate})
      endif()
    endforeach()
  endif()
  list(REMOVE_DUPLICATES found)
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

# The plugin calls clang's C++ API directly, so it loads only into the clang
# major.minor it was built against (it refuses others itself, at every
# compile); refusing here says so once, at configure time, with the fix.
function(_memrules_check_compiler target lang)
  set(id "${CMAKE_${lang}_COMPILER_ID}")
  string(REGEX MATCH "^[0-9]+\\.[0-9]+" have "${CMAKE_${lang}_COMPILER_VERSION}")
  string(REGEX MATCH "^[0-9]+\\.[0-9]+" want "${MEMRULES_CLANG_VERSION}")
  if(id STREQUAL "Clang" AND have VERSION_EQUAL want)
    return()
  endif()
  message(FATAL_ERROR
    "memrules_enable(${target}): the ${lang} compiler is "
    "${CMAKE_${lang}_COMPILER} (${id} ${CMAKE_${lang}_COMPILER_VERSION}), but "
    "the memrules plugin ${MEMRULES_PLUGIN} runs only inside clang ${want}. "
    "Configure with -DCMAKE_${lang}_COMPILER=${MEMRULES_CLANG} (in a fresh "
    "build folder), or use a memrules built for this compiler.")
endfunction()

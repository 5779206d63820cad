# Build helpers shared by the project's targets.

# Fails the build when any of the given sources includes a Qt Widgets, Gui or Network header.
# station-core must stay headless and offline-agnostic (shared/DESIGN.md); compiler include paths
# alone do not catch `#include <QtWidgets/QWidget>`, so the sources are scanned at build time.
function(cunzhan_forbid_headers target)
    set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${target}_header_check.stamp")
    get_target_property(sources ${target} SOURCES)
    set(abs_sources "")
    foreach(src IN LISTS sources)
        get_filename_component(abs "${src}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
        list(APPEND abs_sources "${abs}")
    endforeach()
    add_custom_command(
        OUTPUT "${stamp}"
        COMMAND ${CMAKE_COMMAND} "-DSTAMP=${stamp}" "-DSOURCES=${abs_sources}"
                -P "${PROJECT_SOURCE_DIR}/cmake/CheckForbiddenHeaders.cmake"
        DEPENDS ${abs_sources} "${PROJECT_SOURCE_DIR}/cmake/CheckForbiddenHeaders.cmake"
        COMMENT "Checking that ${target} includes no Widgets, Gui or Network header"
        VERBATIM)
    add_custom_target(${target}_header_check DEPENDS "${stamp}")
    add_dependencies(${target} ${target}_header_check)
endfunction()

# maplace_embed(<target> <namespace> <base_dir> <files...>)
# Compiles the files into <target> as a table of {relative path, bytes}, so the binary carries its
# migrations, templates and static files and runs from any directory.
function(maplace_embed target name base_dir)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${name}_embedded.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNAME=${name} -DBASE=${base_dir}
            "-DFILES=${ARGN}" -P ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${ARGN} ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${name} files" VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()

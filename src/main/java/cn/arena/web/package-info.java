/** Cross-cutting web plumbing: problem details for the API, the caller's language, error pages, the home page (a candidate's exams and results) and layout. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "exam", "marking", "shared"})
@NullMarked
package cn.arena.web;

import org.jspecify.annotations.NullMarked;

/** Cross-cutting web plumbing: problem details for the API, the caller's language, the home page and layout. */
@NullMarked
package cn.arena.web;

import org.jspecify.annotations.NullMarked;

/** Value types every module speaks: localized text, the caller of a request, rejections. */
@NullMarked
package dev.confer.shared;

import org.jspecify.annotations.NullMarked;

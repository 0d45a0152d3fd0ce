/** Types every layer shares (input errors, progress and cancellation); JDK only, so even {@code nifti} may use it. */
package org.dicelens.common;

/** NIfTI-1/NIfTI-2 header and data I/O, written from nifti1.h and nifti2.h. JDK only. */
package org.dicelens.nifti;

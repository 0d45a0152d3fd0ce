/** Geometry, typed volumes, label maps, probability maps, class tables and cases. Uses nifti. */
package org.dicelens.volume;

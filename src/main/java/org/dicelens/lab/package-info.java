/** The volume-bias experiments on phantoms: configuration, evaluation, theory curves, tables; training in {@code lab.training}. */
package org.dicelens.lab;

import tensorflow as tf
def f(x, name):
        if x:
	    with tf.op_scope([x], name, "F"):  # tab = 8 columns, as Python 2 reads it
		print "hi", x
		return tf.op_scope([x],
			name)
        return x

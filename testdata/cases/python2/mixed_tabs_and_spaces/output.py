import tensorflow as tf
def f(x, name):
        if x:
	    with tf.name_scope(name, "F", [x]):  # tab = 8 columns, as Python 2 reads it
		print "hi", x
		return tf.name_scope(name,
			values=[x])
        return x

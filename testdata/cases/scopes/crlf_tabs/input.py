import tensorflow as tf

def f(x, name):
	with tf.op_scope([x],  # x
			name, "F"):
		return x

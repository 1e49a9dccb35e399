import tensorflow as tf
with tf.name_scope("n", values=[1]):
    pass
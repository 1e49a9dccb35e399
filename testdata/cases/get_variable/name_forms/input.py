import tensorflow.compat.v1 as tf

with tf.name_scope('blk'):
    a = tf.get_variable('a', [1])
    b = tf.get_variable(name="b", shape=[1])
    c = tf.get_variable(r"c", [1])
    d = tf.get_variable("""d""", [1])
    e = tf.get_variable("e" "_suffix", [1])
    f = tf.get_variable(f"f{1}", [1])
    g = tf.get_variable(NAMES[0], [1])
    h = tf.get_variable("h_" + suffix, [1])
    i = tf.get_variable(
        # the variable's name
        "i",  # stays beside its argument
        shape=[1],
    )
    j = tf.get_variable(shape=[1], dtype=tf.float32, name='j')
    k = tf.get_variable(prefix if prefix else "k", [1])
